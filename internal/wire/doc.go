// Package wire holds helpers for the wire forms of API 2.0 parameters and
// answers: IndexedList writes a list as name.0, name.1, ..., and Int reads
// numbers that arrive as strings:
//
//	type params struct {
//		InstanceIDs wire.IndexedList `url:"instanceIds"` // instanceIds.0=...
//	}
//	var resp struct {
//		TaskID wire.Int `json:"taskId"` // 135254 or "135254"
//	}
package wire
