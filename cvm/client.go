package cvm

import (
	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
)

// service is CVM: cvm.tencentcloudapi.com, Version 2017-03-12, API 3.0 only.
var service = core.Service{Name: "cvm", Version3: "2017-03-12"}

// Client calls CVM. It is safe for concurrent use.
type Client struct {
	core *core.Client
}

// NewClient returns a CVM client for region (for example "ap-guangzhou";
// "" for $TENCENTCLOUD_REGION, else the tccli profile's) that signs with
// creds. Options are those of package common; CVM speaks API 3.0 only.
func NewClient(creds auth.Provider, region string, opts ...common.Option) (*Client, error) {
	c, err := core.New(service, creds, region, opts...)
	if err != nil {
		return nil, err
	}
	return &Client{core: c}, nil
}

// CloseIdleConnections closes the idle connections the client keeps.
func (c *Client) CloseIdleConnections() { c.core.CloseIdleConnections() }
