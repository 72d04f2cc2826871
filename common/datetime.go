package common

import (
	"fmt"
	"strings"
	"time"
)

// DateTime is a date or a time as a service writes it, in the forms its
// answers use: RFC 3339 (2021-05-19T08:37:53Z, 2019-03-24T10:51:23+08:00),
// "2021-09-15 11:41:35" and "2024-01-01 01:00" in China Standard Time
// (UTC+8, where the services keep their clocks), and "2024-10-06". The text
// is kept as it came, so that it travels back unchanged; Time reads it.
type DateTime string

// chinaStandardTime is the zone of the forms without one.
var chinaStandardTime = time.FixedZone("CST", 8*60*60)

// Time returns the instant d names (midnight China Standard Time for a
// date); the zero Time for an empty d, and an error for a form the
// services do not write.
func (d DateTime) Time() (time.Time, error) {
	s := strings.TrimSpace(string(d))
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range []string{time.DateTime, "2006-01-02 15:04", time.DateOnly} {
		if t, err := time.ParseInLocation(layout, s, chinaStandardTime); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("common: %.40q is not a date or time the services write", s)
}
