package wire

// Envelope2 is the common part of an API 2.0 answer: code (a number or a
// numeric string), message and codeDesc, siblings of the result fields. A
// result type that embeds it is decoded in one pass with its envelope.
type Envelope2 struct {
	Code     Int    `json:"code"`
	Message  string `json:"message"`
	CodeDesc string `json:"codeDesc"`
}

// V2 returns e, for the client core to find the envelope in a result.
func (e *Envelope2) V2() *Envelope2 { return e }

// Envelope3 is the common part of an API 3.0 Response: its RequestId and,
// on failure, its Error. A result type that embeds it is decoded in one
// pass with its envelope.
type Envelope3 struct {
	RequestID *string `json:"RequestId"`
	Error     *Error3 `json:"Error"`
}

// Error3 is an API 3.0 Response.Error.
type Error3 struct {
	Code    string `json:"Code"`
	Message string `json:"Message"`
}

// V3 returns e, for the client core to find the envelope in a result.
func (e *Envelope3) V3() *Envelope3 { return e }
