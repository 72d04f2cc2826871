package vpctest

import (
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/internal/fake"
)

// Task statuses of DescribeVpcTaskResult.
const (
	taskSucceeded = 0
	taskFailed    = 1
	taskRunning   = 2
)

type taskKind int

const (
	taskAttach taskKind = iota
	taskDetach
)

// task is an asynchronous Attach or Detach.
type task struct {
	id        int64
	requestID string // of the API 3.0 call that started it, if one did
	kind      taskKind
	links     []*link
	started   time.Time
	polls     int
	status    int
	failure   *taskFailure // set at creation when the task is to fail
}

// taskFailure is how a task fails: data.output.errorCode and errorMsg.
type taskFailure struct {
	Code    int
	Message string
}

// FailNextTasks makes the next n tasks fail with errorCode code and
// errorMsg message. A failed attach links nothing; a failed detach leaves
// the links in place.
func (s *Server) FailNextTasks(n, code int, message string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.failTasks = append(s.failTasks, taskFailure{Code: code, Message: message})
	}
}

// newTask registers a running task. The caller holds s.mu.
func (s *Server) newTask(kind taskKind) *task {
	t := &task{id: s.nextTaskID, kind: kind, started: s.now(), status: taskRunning}
	s.nextTaskID++
	if len(s.failTasks) > 0 {
		f := s.failTasks[0]
		t.failure = &f
		s.failTasks = s.failTasks[1:]
	}
	s.tasks[t.id] = t
	s.running = append(s.running, t)
	return t
}

// settleDue finishes every running task whose duration has passed on the
// server's clock, polled or not, so that the state every request sees is
// the state of that moment. The caller holds s.mu.
func (s *Server) settleDue() {
	now := s.now()
	s.running = slices.DeleteFunc(s.running, func(t *task) bool {
		if t.status == taskRunning && now.Sub(t.started) >= s.taskDelay {
			s.settle(t)
		}
		return t.status != taskRunning
	})
}

func (s *Server) describeTask(p url.Values) (map[string]any, *fake.Error) {
	v := p.Get("taskId")
	if v == "" {
		return nil, fake.MissingParameter("taskId")
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return nil, fake.InvalidParameter("(100002)taskId %q is not an integer", v)
	}
	t := s.tasks[id]
	if t == nil {
		return nil, &fake.Error{Code: 5000, CodeDesc: "InvalidTaskId.NotFound", Message: "(9009)task " + v + " does not exist"}
	}
	s.poll(t)
	data := map[string]any{"status": t.status}
	if t.status == taskFailed {
		data["output"] = map[string]any{"errorCode": t.failure.Code, "errorMsg": t.failure.Message}
	}
	return map[string]any{"data": data}, nil
}

// poll counts a poll of t, which finishes it after WithTaskPolls polls.
// The caller holds s.mu.
func (s *Server) poll(t *task) {
	if t.status == taskRunning {
		if t.polls++; t.polls > s.taskPolls {
			s.settle(t)
		}
	}
}

// settle finishes a task and applies its effect. The caller holds s.mu.
func (s *Server) settle(t *task) {
	t.status = taskSucceeded
	if t.failure != nil {
		t.status = taskFailed
	}
	for _, l := range t.links {
		switch {
		case t.kind == taskAttach && t.status == taskSucceeded,
			t.kind == taskDetach && t.status == taskFailed:
			l.state = linkActive
		default:
			delete(s.links, l.instance.ID)
		}
	}
}
