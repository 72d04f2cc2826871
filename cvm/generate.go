package cvm

// The generated files are written from the committed model; CI runs go
// generate and fails on a difference.
//go:generate go run ../internal/gen/generate -model ../internal/gen/models/cvm.json
