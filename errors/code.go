package errors

// Code is the sentinel of one API error code, as a service documents it:
// errors.Is(err, c) holds for an *APIError whose code is c (API 3.0's
// Error.Code, API 2.0's codeDesc), whichever service answered it. Each
// service package declares one per code of its actions
// (vpc.ErrInvalidParameterCoexist is Code("InvalidParameter.Coexist")),
// next to the class sentinels of this package, which keep matching.
type Code string

// Error returns the code.
func (c Code) Error() string { return string(c) }
