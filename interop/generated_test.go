package interop

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	tc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tcerrors "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
	tccvm "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/cvm/v20170312"
	tcvpc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc/v20170312"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/cvm"
	"github.com/qcloudkit/qcloud-sdk-go/cvm/cvmtest"
	"github.com/qcloudkit/qcloud-sdk-go/internal/gen/model"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

// Every generated action of VPC and CVM that the official clients have:
// for the same values (every member of the input that the official client
// knows set, built from the SDK's model), this SDK's JSON body is the
// official client's: the same members, the same values.
func TestGeneratedBodiesEqualOfficial(t *testing.T) {
	t.Parallel()
	cred := auth.NewCredential("AKIDinteropGenerated00000000001", "interopGeneratedKey")
	srv, requests := capturing(t)
	cp := profile.NewClientProfile()
	cp.HttpProfile.Scheme, cp.HttpProfile.Endpoint = "http", strings.TrimPrefix(srv.URL, "http://")
	tcCred := tc.NewCredential(cred.SecretID, cred.SecretKey)
	officialVPC, err := tcvpc.NewClient(tcCred, "ap-guangzhou", cp)
	require.NoError(t, err)
	officialCVM, err := tccvm.NewClient(tcCred, "ap-guangzhou", cp)
	require.NoError(t, err)
	ourVPC, err := vpc.NewClient(cred, "ap-guangzhou", common.WithEndpoint(srv.URL), common.WithMaxRetries(0))
	require.NoError(t, err)
	ourCVM, err := cvm.NewClient(cred, "ap-guangzhou", common.WithEndpoint(srv.URL), common.WithMaxRetries(0))
	require.NoError(t, err)
	for _, s := range []struct {
		name, version string
		theirs, ours  any
		min           int
	}{
		{"vpc", tcvpc.APIVersion, officialVPC, ourVPC, 340},
		{"cvm", tccvm.APIVersion, officialCVM, ourCVM, 90},
	} {
		m, err := model.Load("../internal/gen/models/" + s.name + ".json")
		require.NoError(t, err)
		theirs, ours := reflect.ValueOf(s.theirs), reflect.ValueOf(s.ours)
		compared := 0
		for _, a := range m.Actions {
			for _, zero := range []bool{false, true} {
				theirMethod := theirs.MethodByName(a.Name)
				ourMethod := ours.MethodByName(a.Name)
				if !theirMethod.IsValid() || !ourMethod.IsValid() || ourMethod.Type().In(1).Kind() != reflect.Pointer ||
					ourMethod.Type().In(1).Elem().Name() != a.Name+"Input" {
					continue // an action the official client lacks, or one written by hand
				}
				// The members the official client knows: it refuses others.
				values, err := json.Marshal(restrict(sample(m, a.Input, 0, zero), theirMethod.Type().In(0).Elem()))
				require.NoError(t, err)
				name := s.name + "/" + a.Name
				if zero {
					name += "/zero"
				}
				t.Run(name, func(t *testing.T) {
					req := reflect.New(theirMethod.Type().In(0).Elem())
					req.Elem().FieldByName("BaseRequest").Set(reflect.ValueOf(&tchttp.BaseRequest{}))
					req.Interface().(interface{ Init() *tchttp.BaseRequest }).Init().WithApiInfo(s.name, s.version, a.Name)
					require.NoError(t, req.Interface().(interface{ FromJsonString(string) error }).FromJsonString(string(values)))
					in := reflect.New(ourMethod.Type().In(1).Elem())
					require.NoError(t, json.Unmarshal(values, in.Interface()))

					before := len(requests())
					theirMethod.Call([]reflect.Value{req})
					ourMethod.Call([]reflect.Value{reflect.ValueOf(context.Background()), in})
					reqs := requests()[before:]
					require.Len(t, reqs, 2)
					for _, r := range reqs {
						assert.Equal(t, a.Name, r.header.Get("X-TC-Action"))
						assert.Equal(t, s.version, r.header.Get("X-TC-Version"))
					}
					// The same members and values; the order of members may differ
					// where the vendor's two descriptions order them differently.
					// This SDK gives a call a ClientToken where the action takes one
					// and the official client is too old to know it.
					theirsBody, oursBody := map[string]any{}, map[string]any{}
					require.NoError(t, json.Unmarshal([]byte(reqs[0].body), &theirsBody))
					require.NoError(t, json.Unmarshal([]byte(reqs[1].body), &oursBody))
					if _, ok := theirsBody["ClientToken"]; !ok {
						delete(oursBody, "ClientToken")
					}
					assert.Equal(t, theirsBody, oursBody)
				})
				if !zero {
					compared++
				}
			}
		}
		assert.Greater(t, compared, s.min, "%s actions compared", s.name)
	}
}

// sample is a value of object name with every member set: the member's
// example where it has a scalar one, else a value of its type (with zero,
// bools and numbers are false and 0); lists hold one element. Deeper than
// four levels, objects stay empty.
func sample(m *model.Service, name string, depth int, zero bool) map[string]any {
	out := map[string]any{}
	if depth > 4 {
		return out
	}
	for _, mem := range m.Object(name).Members {
		v := sampleElem(m, mem, depth, zero)
		if mem.Type == "list" {
			v = []any{v}
		}
		out[mem.Name] = v
	}
	return out
}

func sampleElem(m *model.Service, mem model.Member, depth int, zero bool) any {
	switch mem.Elem {
	case "int64", "int", "uint64":
		if zero {
			return 0
		}
		return 7
	case "bool":
		return !zero
	case "float":
		if zero {
			return 0.0
		}
		return 1.5
	case "string", "datetime", "datetime_iso", "date":
		if mem.Type != "list" && mem.Example != "" && !strings.ContainsAny(mem.Example, `[]{}"`) {
			return mem.Example
		}
		return "x-" + mem.Name
	}
	return sample(m, mem.Elem, depth+1, zero)
}

// restrict keeps, of v (a sample), what a value of Go type t (an official
// request or one of its objects) has a JSON member for.
func restrict(v any, t reflect.Type) any {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	switch v := v.(type) {
	case map[string]any:
		if t.Kind() != reflect.Struct {
			return v
		}
		fields := map[string]reflect.Type{}
		collectFields(t, fields)
		out := map[string]any{}
		for k, x := range v {
			if ft, ok := fields[k]; ok {
				out[k] = restrict(x, ft)
			}
		}
		return out
	case []any:
		for i := range v {
			v[i] = restrict(v[i], t)
		}
	}
	return v
}

// collectFields maps the JSON names of struct t's fields, embedded ones
// included, to their types.
func collectFields(t reflect.Type, into map[string]reflect.Type) {
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				collectFields(ft, into)
			}
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name != "" && name != "-" {
			into[name] = f.Type
		}
	}
}

// The official clients call every action they have against the fakes, with
// inputs built from the model: every call is accepted (checked against
// the model, answered from its example or a RequestId alone), and the
// official client reads the answer. The actions the VPC fake keeps state
// for (ClassicLink, DescribeVpcs) refuse ids of no VPC or instance of its
// world, and are proved by the tests of their own.
func TestOfficialClientsAcceptedByFakes(t *testing.T) {
	t.Parallel()
	vpcSrv := vpctest.NewServer()
	defer vpcSrv.Close()
	// The instance the samples name (a list's sample element is "x-" and its
	// name), for the actions the CVM fake plays on its instances.
	cvmSrv := cvmtest.NewServer(cvmtest.WithInstance(cvm.Instance{InstanceID: "x-InstanceIds"}))
	defer cvmSrv.Close()
	stateful := []string{"AttachClassicLinkVpc", "DetachClassicLinkVpc", "DescribeClassicLinkInstances", "DescribeVpcTaskResult", "DescribeVpcs"}
	for _, s := range []struct {
		name, url string
		cred      auth.Credential
		newClient func(cred *tc.Credential, cp *profile.ClientProfile) (any, error)
		min       int
	}{
		{"vpc", vpcSrv.URL(), vpcSrv.Credential(), func(cred *tc.Credential, cp *profile.ClientProfile) (any, error) {
			return tcvpc.NewClient(cred, "ap-guangzhou", cp)
		}, 340},
		{"cvm", cvmSrv.URL(), cvmSrv.Credential(), func(cred *tc.Credential, cp *profile.ClientProfile) (any, error) {
			return tccvm.NewClient(cred, "ap-guangzhou", cp)
		}, 90},
	} {
		m, err := model.Load("../internal/gen/models/" + s.name + ".json")
		require.NoError(t, err)
		cp := profile.NewClientProfile()
		cp.HttpProfile.Scheme, cp.HttpProfile.Endpoint = "http", strings.TrimPrefix(s.url, "http://")
		cp.DisableRegionBreaker = true
		official, err := s.newClient(tc.NewCredential(s.cred.SecretID, s.cred.SecretKey), cp)
		require.NoError(t, err)
		theirs := reflect.ValueOf(official)
		called := 0
		for _, a := range m.Actions {
			method := theirs.MethodByName(a.Name)
			if !method.IsValid() || slices.Contains(stateful, a.Name) {
				continue
			}
			values, err := json.Marshal(restrict(sample(m, a.Input, 0, false), method.Type().In(0).Elem()))
			require.NoError(t, err)
			t.Run(s.name+"/"+a.Name, func(t *testing.T) {
				req := reflect.New(method.Type().In(0).Elem())
				req.Elem().FieldByName("BaseRequest").Set(reflect.ValueOf(&tchttp.BaseRequest{}))
				req.Interface().(interface{ Init() *tchttp.BaseRequest }).Init().WithApiInfo(s.name, m.Version, a.Name)
				require.NoError(t, req.Interface().(interface{ FromJsonString(string) error }).FromJsonString(string(values)))
				res := method.Call([]reflect.Value{req})
				// A dry run that would have succeeded is accepted too: the sample
				// sets every bool, DryRun included.
				var sdkErr *tcerrors.TencentCloudSDKError
				if err, _ := res[1].Interface().(error); err != nil && !(errors.As(err, &sdkErr) && sdkErr.Code == "DryRunOperation") {
					t.Fatalf("%v", err)
				}
			})
			called++
		}
		assert.Greater(t, called, s.min, "%s actions called", s.name)
	}
}
