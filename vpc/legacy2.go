package vpc

import (
	"cmp"
	"strconv"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
	"github.com/qcloudkit/qcloud-sdk-go/internal/wire"
)

// This file is the seed's legacy wire: how the four ClassicLink actions
// travel on API 2.0 (vpc.api.qcloud.com/v2/index.php, offline since
// 2023-01-01 but spoken by vpctest), written by hand and kept apart. The
// rest of the package speaks API 3.0; the client's protocol picks these
// mappings (core.Binding), so that no method branches on it.

// taskResponse is the answer of Attach and Detach: the task's id.
type taskResponse struct {
	wire.Envelope2
	TaskID wire.Int `json:"taskId"`
}

// link2 maps Attach or Detach (op), which take old VPC ids (gz_vpc_15)
// too. A success without a positive taskId
// is malformed, and the outcome unknown: the service got the call, and
// its task would be lost.
func link2(op *core.Operation) *core.Mapping[linkCall, linked] {
	return &core.Mapping[linkCall, linked]{
		Params: func(in *linkCall) (any, error) {
			f := wire.Form{}
			f.Set("vpcId", in.VpcID)
			f.SetList("instanceIds", in.InstanceIDs)
			return f, nil
		},
		Result: func() any { return new(taskResponse) },
		Output: func(c *core.Client, _ *linkCall, result any, env core.Envelope) (*linked, error) {
			resp := result.(*taskResponse)
			if !resp.TaskID.Valid || resp.TaskID.N <= 0 {
				return nil, c.Malformed(*op, "no positive taskId in a success answer")
			}
			return &linked{TaskID: TaskID(strconv.FormatInt(resp.TaskID.N, 10)), CodeDesc: env.CodeDesc, Message: env.Message}, nil
		},
	}
}

type describeResponse struct {
	wire.Envelope2
	TotalCount wire.Int `json:"totalCount"`
	Data       []struct {
		ClassicLinkID string `json:"classicLinkId"`
		UnVpcID       string `json:"unVpcId"`
		UniqVpcID     string `json:"uniqVpcId"`
		VpcID         string `json:"vpcId"`
		InstanceID    string `json:"instanceId"`
		InstanceName  string `json:"instanceName"`
		LanIP         string `json:"lanIp"`
		CreateTime    string `json:"createTime"`
	} `json:"data"`
}

// describe2 maps DescribeVpcClassicLink: totalCount and the ids may come
// as strings, the unified VPC id under either spelling.
var describe2 = core.Mapping[DescribeVpcClassicLinkInput, DescribeVpcClassicLinkOutput]{
	Params: func(in *DescribeVpcClassicLinkInput) (any, error) {
		if err := checkLimit(in.Limit, MaxDescribeLimit); err != nil {
			return nil, err
		}
		f := wire.Form{}
		f.Set("vpcId", in.VpcID)
		f.Set("classicLinkId", in.ClassicLinkID)
		f.Set("lanIp", in.LanIP)
		f.SetInt("offset", int64(in.Offset))
		f.SetInt("limit", int64(in.Limit))
		f.Set("orderField", in.OrderField)
		f.Set("orderDirection", in.OrderDirection)
		return f, nil
	},
	Result: func() any { return new(describeResponse) },
	Output: func(c *core.Client, _ *DescribeVpcClassicLinkInput, result any, env core.Envelope) (*DescribeVpcClassicLinkOutput, error) {
		resp := result.(*describeResponse)
		switch {
		case !resp.TotalCount.Valid:
			return nil, c.Malformed(describeOp, "no totalCount")
		case resp.TotalCount.N < int64(len(resp.Data)):
			return nil, c.Malformed(describeOp, "totalCount %d with %d links on the page", resp.TotalCount.N, len(resp.Data))
		}
		out := &DescribeVpcClassicLinkOutput{
			TotalCount: int(resp.TotalCount.N), CodeDesc: env.CodeDesc, Message: env.Message,
			ClassicLinks: make([]ClassicLink, len(resp.Data)),
		}
		for i, d := range resp.Data {
			created, err := parseCreateTime(d.CreateTime)
			if err != nil {
				return nil, c.Malformed(describeOp, "link %s: %v", d.ClassicLinkID, err)
			}
			out.ClassicLinks[i] = ClassicLink{
				ClassicLinkID: d.ClassicLinkID, VpcID: cmp.Or(d.UnVpcID, d.UniqVpcID), LegacyVpcID: d.VpcID,
				InstanceID: d.InstanceID, InstanceName: d.InstanceName, LanIP: d.LanIP, CreateTime: created,
			}
		}
		return out, nil
	},
	// The largest page, and ascending createTime, so that links made while
	// an iteration runs do not shift the pages still to come.
	ForPaging: func(in *DescribeVpcClassicLinkInput) {
		if in.Limit == 0 {
			in.Limit = MaxDescribeLimit
		}
		if in.OrderDirection == "" {
			in.OrderDirection = OrderAsc
		}
	},
}

// createTimeLocation is the zone of the service's createTime strings:
// China Standard Time (UTC+8), where the v2 API keeps its clocks.
var createTimeLocation = time.FixedZone("CST", 8*60*60)

const createTimeLayout = "2006-01-02 15:04:05"

func parseCreateTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.ParseInLocation(createTimeLayout, s, createTimeLocation)
}

type taskResultResponse struct {
	wire.Envelope2
	Data *struct {
		Status wire.Int `json:"status"`
		Output struct {
			ErrorCode wire.Int `json:"errorCode"`
			ErrorMsg  string   `json:"errorMsg"`
		} `json:"output"`
	} `json:"data"`
}

// statuses2 maps API 2.0's data.status.
var statuses2 = map[int64]TaskStatus{0: TaskSucceeded, 1: TaskFailed, 2: TaskRunning}

// task2 maps DescribeVpcTaskResult, whose task ids are positive integers.
// A missing status must not read as 0, success.
var task2 = core.Mapping[TaskID, TaskResult]{
	Params: func(id *TaskID) (any, error) {
		n, err := strconv.ParseInt(string(*id), 10, 64)
		if err != nil || n <= 0 {
			return nil, core.Invalid("taskID", "%+q: want the positive task id of an Attach or Detach", string((*id)[:min(len(*id), maxTaskIDLength)]))
		}
		f := wire.Form{}
		f.SetInt("taskId", n)
		return f, nil
	},
	Result: func() any { return new(taskResultResponse) },
	Output: func(c *core.Client, id *TaskID, result any, _ core.Envelope) (*TaskResult, error) {
		resp := result.(*taskResultResponse)
		if resp.Data == nil || !resp.Data.Status.Valid {
			return nil, c.Malformed(taskOp, "no data.status")
		}
		status, ok := statuses2[resp.Data.Status.N]
		if !ok {
			return nil, c.Malformed(taskOp, "unknown task status %d", resp.Data.Status.N)
		}
		return &TaskResult{TaskID: *id, Status: status, ErrorCode: int(resp.Data.Output.ErrorCode.N), ErrorMessage: resp.Data.Output.ErrorMsg}, nil
	},
}
