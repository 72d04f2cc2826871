package sts

import (
	"errors"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
)

// service is STS: sts.tencentcloudapi.com, Version 2018-08-13, API 3.0 only.
var service = core.Service{Name: "sts", Version3: "2018-08-13"}

// DefaultRegion is where the official SDKs call STS.
const DefaultRegion = "ap-guangzhou"

// Client calls STS. It is safe for concurrent use.
type Client struct {
	core *core.Client
}

// NewClient returns an STS client for region ("" for DefaultRegion) that
// signs with creds. STS has only API 3.0: the options may not select API2.
// Options are those of package common (WithEndpoint for a fake, ...).
func NewClient(creds auth.Provider, region string, opts ...common.Option) (*Client, error) {
	if region == "" {
		region = DefaultRegion
	}
	c, err := core.New(service, creds, region, append([]common.Option{common.WithAPI(common.API3)}, opts...)...)
	if err != nil {
		return nil, err
	}
	if c.API() != common.API3 {
		return nil, errors.New("sts: STS has no API 2.0; leave WithAPI out or give common.API3")
	}
	return &Client{core: c}, nil
}

// CloseIdleConnections closes the idle connections the client keeps.
func (c *Client) CloseIdleConnections() { c.core.CloseIdleConnections() }
