package vpctest

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/internal/fake"
)

// chinaStandardTime is the zone of createTime, as the service writes it.
var chinaStandardTime = time.FixedZone("CST", 8*60*60)

// createTimeLayout is the format of createTime: 2016-01-21 14:59:37.
const createTimeLayout = "2006-01-02 15:04:05"

type linkState int

const (
	linkAttaching linkState = iota // attach task running: not listed yet
	linkActive                     // listed
	linkDetaching                  // detach task running: still listed
)

// link is one classic instance linked (or being linked) to a VPC.
type link struct {
	id       string // vcx-xxxxxxxx
	instance *Instance
	vpc      *VPC
	created  time.Time
	state    linkState
}

func (l *link) busy() bool { return l.state != linkActive }

// linkKeys are the parameter names of Attach and Detach in one protocol.
type linkKeys struct{ vpc, instances string }

var (
	linkKeys2 = linkKeys{"vpcId", "instanceIds"}
	linkKeys3 = linkKeys{"VpcId", "InstanceIds"}
)

// parseInstanceIDs reads name.0 .. name.N-1: no gaps, no other spelling, no
// empty or repeated id.
func parseInstanceIDs(p url.Values, name string) ([]string, *fake.Error) {
	byIndex := map[int]string{}
	for k, v := range p {
		if !strings.HasPrefix(k, name) {
			continue
		}
		rest, ok := strings.CutPrefix(k, name+".")
		n, err := strconv.Atoi(rest)
		if !ok || err != nil || n < 0 || strconv.Itoa(n) != rest {
			return nil, fake.InvalidParameter("(100002)malformed parameter %s: want %s.N with N from 0", k, name)
		}
		byIndex[n] = v[0]
	}
	if len(byIndex) == 0 {
		return nil, fake.MissingParameter(name + ".0")
	}
	ids := make([]string, len(byIndex))
	seen := map[string]bool{}
	for i := range ids {
		id, ok := byIndex[i]
		switch {
		case !ok:
			return nil, fake.InvalidParameter("(100002)%s.%d is missing: indices must run from 0 without gaps", name, i)
		case id == "":
			return nil, fake.InvalidParameter("(100002)%s.%d is empty", name, i)
		case seen[id]:
			return nil, fake.InvalidParameter("(100002)instance %s is given twice", id)
		}
		seen[id] = true
		ids[i] = id
	}
	return ids, nil
}

// resolveLinkInput checks what Attach and Detach share: the VPC in the
// request's region and the existence of every instance.
func (s *Server) resolveLinkInput(p url.Values, region string, keys linkKeys) (*VPC, []*Instance, *fake.Error) {
	vpcID := p.Get(keys.vpc)
	if vpcID == "" {
		return nil, nil, fake.MissingParameter(keys.vpc)
	}
	ids, e := parseInstanceIDs(p, keys.instances)
	if e != nil {
		return nil, nil, e
	}
	vpc := s.findVPC(vpcID)
	if vpc == nil || vpc.Region != region {
		return nil, nil, &fake.Error{Code: 4000, CodeDesc: "InvalidVpc.NotFound", Message: "(9003)VPC " + vpcID + " does not exist in " + region}
	}
	var missing []string
	instances := make([]*Instance, len(ids))
	for i, id := range ids {
		if instances[i] = s.instances[id]; instances[i] == nil {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return nil, nil, &fake.Error{Code: 4000, CodeDesc: "InvalidInstance.NotFound",
			Message: "(9004)instances do not exist: " + strings.Join(missing, ", ")}
	}
	for _, in := range instances {
		if l := s.links[in.ID]; l != nil && l.busy() {
			return nil, nil, &fake.Error{Code: 4000, CodeDesc: "ActionLocked",
				Message: "(9005)another operation on " + in.ID + " is still running"}
		}
	}
	return vpc, instances, nil
}

func (s *Server) attach(p url.Values, region string, keys linkKeys) (*task, *fake.Error) {
	vpc, instances, e := s.resolveLinkInput(p, region, keys)
	if e != nil {
		return nil, e
	}
	for _, in := range instances {
		if in.Region != vpc.Region {
			return nil, &fake.Error{Code: 4000, CodeDesc: "InvalidParameter.RegionMismatch",
				Message: fmt.Sprintf("(9006)instance %s is in %s, VPC %s in %s", in.ID, in.Region, vpc.ID, vpc.Region)}
		}
		if l := s.links[in.ID]; l != nil {
			return nil, &fake.Error{Code: 4000, CodeDesc: "InstanceAlreadyLinked",
				Message: "(9001)instance " + in.ID + " is already linked to " + l.vpc.ID}
		}
	}
	linked := s.linkCount(vpc)
	if linked+len(instances) > s.linkLimit {
		return nil, &fake.Error{Code: 4000, CodeDesc: "InstanceLimitExceeded",
			Message: fmt.Sprintf("(9002)VPC %s has %d of %d classic links", vpc.ID, linked, s.linkLimit)}
	}
	t := s.newTask(taskAttach)
	for _, in := range instances {
		l := &link{id: s.newLinkID(), instance: in, vpc: vpc, created: s.now(), state: linkAttaching}
		s.links[in.ID] = l
		t.links = append(t.links, l)
	}
	return t, nil
}

func (s *Server) detach(p url.Values, region string, keys linkKeys) (*task, *fake.Error) {
	vpc, instances, e := s.resolveLinkInput(p, region, keys)
	if e != nil {
		return nil, e
	}
	for _, in := range instances {
		if l := s.links[in.ID]; l == nil || l.vpc != vpc {
			return nil, &fake.Error{Code: 4000, CodeDesc: "InstanceNotLinked",
				Message: "(9007)instance " + in.ID + " is not linked to " + vpc.ID}
		}
	}
	t := s.newTask(taskDetach)
	for _, in := range instances {
		l := s.links[in.ID]
		l.state = linkDetaching
		t.links = append(t.links, l)
	}
	return t, nil
}

// newLinkID returns a fresh vcx- id: eight hex digits of a scrambled counter.
func (s *Server) newLinkID() string {
	s.nextLinkNo++
	return fmt.Sprintf("vcx-%08x", s.nextLinkNo*2654435761)
}

// describeLimit bounds limit; its default is defaultDescribeLimit.
const (
	describeLimit        = 50
	defaultDescribeLimit = 20
)

func (s *Server) describeLinks(p url.Values, region string) (map[string]any, *fake.Error) {
	offset, e := intParam(p, "offset", 0, 0, 1<<31-1)
	if e != nil {
		return nil, e
	}
	limit, e := intParam(p, "limit", defaultDescribeLimit, 1, describeLimit)
	if e != nil {
		return nil, e
	}
	if f := p.Get("orderField"); f != "" && f != "createTime" {
		return nil, fake.InvalidParameter("(100002)orderField %q: only createTime is supported", f)
	}
	dir := p.Get("orderDirection")
	if dir != "" && dir != "asc" && dir != "desc" {
		return nil, fake.InvalidParameter("(100002)orderDirection %q: want asc or desc", dir)
	}
	var vpc *VPC
	if id := p.Get("vpcId"); id != "" {
		if vpc = s.findVPC(id); vpc == nil || vpc.Region != region {
			return nil, &fake.Error{Code: 4000, CodeDesc: "InvalidVpc.NotFound", Message: "(9003)VPC " + id + " does not exist in " + region}
		}
	}
	lanIP := p.Get("lanIp")
	if lanIP != "" && !slices.ContainsFunc(s.instanceList(), func(in *Instance) bool { return in.LanIP == lanIP && in.Region == region }) {
		return nil, &fake.Error{Code: 4000, CodeDesc: "InvalidLanIp.NotFound", Message: "(9008)no instance has lanIp " + lanIP}
	}
	linkID := p.Get("classicLinkId")

	var found []*link
	for _, l := range s.links {
		if l.state != linkAttaching && l.vpc.Region == region &&
			(vpc == nil || l.vpc == vpc) && (lanIP == "" || l.instance.LanIP == lanIP) && (linkID == "" || l.id == linkID) {
			found = append(found, l)
		}
	}
	sortLinks(found, dir == "asc")
	page := found[min(offset, len(found)):min(offset+limit, len(found))]
	unVpcKey := "unVpcId"
	if s.quirks.UniqVpcIDKey {
		unVpcKey = "uniqVpcId"
	}
	data := make([]map[string]any, len(page))
	for i, l := range page {
		data[i] = map[string]any{
			"classicLinkId": l.id, unVpcKey: l.vpc.ID, "vpcId": l.vpc.LegacyID,
			"instanceId": l.instance.ID, "instanceName": l.instance.Name, "lanIp": l.instance.LanIP,
			"createTime": l.created.In(chinaStandardTime).Format(createTimeLayout),
		}
	}
	return map[string]any{"totalCount": len(found), "data": data}, nil
}

func (s *Server) instanceList() []*Instance {
	out := make([]*Instance, 0, len(s.instances))
	for _, in := range s.instances {
		out = append(out, in)
	}
	return out
}

// intParam reads an optional integer parameter within [lo, hi].
func intParam(p url.Values, name string, def, lo, hi int) (int, *fake.Error) {
	v := p.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, fake.InvalidParameter("(100002)%s %q: want an integer from %d to %d", name, v, lo, hi)
	}
	return n, nil
}

// AddLink links the classic instance instanceID to the VPC vpcID (unified
// or old id) at once, as if an attach task had finished, for tests that
// start from existing links. It is an error if either is unknown, they are
// in different regions, the instance is linked already or the VPC is full.
func (s *Server) AddLink(vpcID, instanceID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	vpc := s.findVPC(vpcID)
	in := s.instances[instanceID]
	switch {
	case vpc == nil:
		return fmt.Errorf("vpctest: AddLink: no VPC %s", vpcID)
	case in == nil:
		return fmt.Errorf("vpctest: AddLink: no instance %s", instanceID)
	case in.Region != vpc.Region:
		return fmt.Errorf("vpctest: AddLink: instance %s is in %s, VPC %s in %s", in.ID, in.Region, vpc.ID, vpc.Region)
	case s.links[in.ID] != nil:
		return fmt.Errorf("vpctest: AddLink: instance %s is linked already", in.ID)
	case s.linkCount(vpc) >= s.linkLimit:
		return fmt.Errorf("vpctest: AddLink: VPC %s has %d links, the limit", vpc.ID, s.linkLimit)
	}
	s.links[in.ID] = &link{id: s.newLinkID(), instance: in, vpc: vpc, created: s.now(), state: linkActive}
	return nil
}

// linkCount returns how many instances are linked (or being linked) to
// vpc. The caller holds s.mu.
func (s *Server) linkCount(vpc *VPC) int {
	n := 0
	for _, l := range s.links {
		if l.vpc == vpc {
			n++
		}
	}
	return n
}

// sortLinks orders links by createTime, then id: oldest first if asc.
func sortLinks(links []*link, asc bool) {
	slices.SortFunc(links, func(a, b *link) int {
		c := cmp.Or(a.created.Compare(b.created), strings.Compare(a.id, b.id))
		if !asc {
			return -c
		}
		return c
	})
}
