// Package wire holds JSON helpers for the quirks of the v2 envelope, such as
// numbers that arrive as strings:
//
//	var resp struct {
//		TaskID wire.Int `json:"taskId"` // 135254 or "135254"
//	}
package wire
