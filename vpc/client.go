package vpc

import (
	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
)

// service is the v2 module of this package: the host is vpc.api.qcloud.com.
const service = "vpc"

// Client calls the VPC module of the QCloud API 2.0. It is safe for
// concurrent use.
type Client struct {
	core *common.Client
}

// NewClient returns a VPC client for region (for example "ap-guangzhou")
// that signs with the credentials of creds. Options are those of package
// common; an invalid option or credential is an error here.
func NewClient(creds auth.Provider, region string, opts ...common.Option) (*Client, error) {
	core, err := common.NewClient(service, creds, region, opts...)
	if err != nil {
		return nil, err
	}
	return &Client{core: core}, nil
}

// CloseIdleConnections closes the idle connections the client keeps for
// reuse, for a program that is done with it (or wants to release them
// between bursts). The client stays usable.
func (c *Client) CloseIdleConnections() { c.core.CloseIdleConnections() }
