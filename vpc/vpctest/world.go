package vpctest

import (
	"fmt"
	"net/netip"
	"regexp"
	"time"
)

// VPC is a virtual private cloud of the fake.
type VPC struct {
	// ID is the unified id, vpc- and eight lower-case letters or digits.
	ID string
	// LegacyID is the old id, such as gz_vpc_15; optional.
	LegacyID string
	// Region is the full region name, such as ap-guangzhou.
	Region string
	// CIDR is the VPC's address block, such as 10.0.0.0/16.
	CIDR string
	// Name is its name, such as web; optional.
	Name string

	created time.Time // on the server's clock, when it was added
}

// Instance is a classic-network CVM of the fake.
type Instance struct {
	// ID is the instance id, such as ins-df454d.
	ID string
	// Name is the instance name.
	Name string
	// LanIP is its private IP address.
	LanIP string
	// Region is the full region name.
	Region string
}

var (
	vpcIDPattern      = regexp.MustCompile(`^vpc-[a-z0-9]{8}$`)
	instanceIDPattern = regexp.MustCompile(`^ins-[a-z0-9]{6,8}$`)
	regionPattern     = regexp.MustCompile(`^[a-z]+-[a-z]+(-[0-9]+)?$`)
)

// AddVPC adds a VPC; it is an error if the id is malformed or taken.
func (s *Server) AddVPC(v VPC) error {
	if !vpcIDPattern.MatchString(v.ID) {
		return fmt.Errorf("vpctest: VPC id %q: want vpc- and 8 lower-case letters or digits", v.ID)
	}
	if !regionPattern.MatchString(v.Region) {
		return fmt.Errorf("vpctest: VPC %s: region %q: want a full name such as ap-guangzhou", v.ID, v.Region)
	}
	if _, err := netip.ParsePrefix(v.CIDR); err != nil {
		return fmt.Errorf("vpctest: VPC %s: %w", v.ID, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.findVPC(v.ID) != nil || (v.LegacyID != "" && s.findVPC(v.LegacyID) != nil) {
		return fmt.Errorf("vpctest: VPC %s exists already", v.ID)
	}
	v.created = s.now()
	s.vpcs = append(s.vpcs, &v)
	return nil
}

// AddInstance adds a classic instance; it is an error if the id is
// malformed or taken or the IP is not an IP address.
func (s *Server) AddInstance(in Instance) error {
	if !instanceIDPattern.MatchString(in.ID) {
		return fmt.Errorf("vpctest: instance id %q: want ins- and 6 to 8 lower-case letters or digits", in.ID)
	}
	if !regionPattern.MatchString(in.Region) {
		return fmt.Errorf("vpctest: instance %s: region %q: want a full name such as ap-guangzhou", in.ID, in.Region)
	}
	if _, err := netip.ParseAddr(in.LanIP); err != nil {
		return fmt.Errorf("vpctest: instance %s: %w", in.ID, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.instances[in.ID]; ok {
		return fmt.Errorf("vpctest: instance %s exists already", in.ID)
	}
	s.instances[in.ID] = &in
	return nil
}

// findVPC resolves a unified or old id. The caller holds s.mu.
func (s *Server) findVPC(id string) *VPC {
	for _, v := range s.vpcs {
		if v.ID == id || (v.LegacyID != "" && v.LegacyID == id) {
			return v
		}
	}
	return nil
}

func (s *Server) seedDefaultWorld() {
	for _, v := range []VPC{
		{ID: "vpc-2ari9m7h", LegacyID: "gz_vpc_15", Region: "ap-guangzhou", CIDR: "10.0.0.0/16", Name: "prod"},
		{ID: "vpc-5t8kd0qa", LegacyID: "gz_vpc_16", Region: "ap-guangzhou", CIDR: "172.16.0.0/16", Name: "staging"},
		{ID: "vpc-bj2k9x7q", LegacyID: "bj_vpc_1", Region: "ap-beijing", CIDR: "10.1.0.0/16", Name: "bj-prod"},
	} {
		mustNot(s.AddVPC(v))
	}
	for _, in := range []Instance{
		{ID: "ins-df454d", Name: "web-1", LanIP: "10.66.1.10", Region: "ap-guangzhou"},
		{ID: "ins-1a2b3c4d", Name: "web-2", LanIP: "10.66.1.11", Region: "ap-guangzhou"},
		{ID: "ins-5e6f7a8b", Name: "db-1", LanIP: "10.66.1.12", Region: "ap-guangzhou"},
		{ID: "ins-9c0d1e2f", Name: "cache-1", LanIP: "10.66.1.13", Region: "ap-guangzhou"},
		{ID: "ins-bj01a2b3", Name: "bj-web-1", LanIP: "10.67.1.10", Region: "ap-beijing"},
	} {
		mustNot(s.AddInstance(in))
	}
}

// mustNot panics on an error that only a bug in this package can cause.
func mustNot(err error) {
	if err != nil {
		panic(err)
	}
}
