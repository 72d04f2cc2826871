package vpc

// The generated files (operations_gen.go, types_gen.go, errors_gen.go) are
// written from the committed model; CI runs go generate and fails on a
// difference. The ClassicLink actions of both protocols and their task are
// written by hand.
//go:generate go run ../internal/gen/generate -model ../internal/gen/models/vpc.json -skip AttachClassicLinkVpc,DetachClassicLinkVpc,DescribeVpcTaskResult
