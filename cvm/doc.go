// Package cvm is a typed client of Tencent Cloud's Cloud Virtual Machine
// service (API 3.0, cvm.tencentcloudapi.com, Version 2017-03-12): every
// action has a method, generated from the vendor's API description, with
// its input and output types (an optional input member is a common.Value)
// and an errors.Code constant per documented error code. Its asynchronous
// actions name no task: WaitForInstances and WaitForOperation wait on the
// instances' latest operation, and RunInstances, StartInstances,
// StopInstances, RebootInstances and ResetInstancesType have an AndWait
// form.
package cvm
