package vpc

import (
	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
)

// service is the module of this package: vpc.api.qcloud.com under API 2.0,
// vpc.tencentcloudapi.com (Version 2017-03-12) under API 3.0.
var service = core.Service{Name: "vpc", Version3: "2017-03-12"}

// Client calls the VPC module under API 3.0 (the default) or API 2.0
// (common.WithAPI(common.API2)), with the same typed methods. It is safe
// for concurrent use.
type Client struct {
	core *core.Client
}

// NewClient returns a VPC client for region (for example "ap-guangzhou")
// that signs with the credentials of creds. Options are those of package
// common; an invalid option or credential is an error here.
func NewClient(creds auth.Provider, region string, opts ...common.Option) (*Client, error) {
	cc, err := core.New(service, creds, region, opts...)
	if err != nil {
		return nil, err
	}
	return &Client{core: cc}, nil
}

// CloseIdleConnections closes the idle connections the client keeps for
// reuse, for a program that is done with it (or wants to release them
// between bursts). The client stays usable.
func (c *Client) CloseIdleConnections() { c.core.CloseIdleConnections() }
