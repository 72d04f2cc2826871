// Package wire holds helpers for the wire forms of parameters and answers:
// Form holds API 2.0 parameters and writes a list as name.0, name.1, ...
// (Each expands it); Int reads the
// numbers that API 2.0 sends as strings; Flatten writes API 3.0 parameters
// as a query (InstanceIds.0, Filters.0.Values.0); Envelope2 and Envelope3,
// embedded in a result type beside its own fields (a TaskID of type Int
// tagged json:"taskId" reads 135254 and "135254" alike), let the client
// core decode an answer and its envelope in one pass; Unmarshal decodes an
// API 3.0 result whose scalars the service wrote in other types than the
// model's.
package wire
