package main

import (
	"context"
	"os"
	"os/exec"
	"sync"
	"time"
)

// childGracePeriod is how long a program or plugin has to finish after SIGINT (its own Ctrl-C handling, e.g.
// @pulumi/pulumi's run script flushing its last messages) before it is killed.
var childGracePeriod = 10 * time.Second

// children tracks the processes this host starts, so that none outlives the host: when the host's context ends
// (engine gone, Cancel, SIGINT), each gets SIGINT, then SIGKILL after childGracePeriod.
type children struct {
	ctx     context.Context
	running sync.WaitGroup
}

func newChildren(ctx context.Context) *children { return &children{ctx: ctx} }

// start starts cmd and watches it: when the host's or the request's context ends first, the child gets SIGINT,
// then SIGKILL after childGracePeriod. The child stays in the host's process group, as with the official host.
// The caller waits for the child (cmd.Wait) and then calls release.
func (c *children) start(reqCtx context.Context, cmd *exec.Cmd) (release func(), err error) {
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c.running.Add(1)
	exited := make(chan struct{})
	go func() {
		select {
		case <-exited:
			return
		case <-c.ctx.Done():
		case <-reqCtx.Done():
		}
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(childGracePeriod):
			_ = cmd.Process.Kill()
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(exited)
			c.running.Done()
		})
	}, nil
}

// run starts cmd and waits for it (see start).
func (c *children) run(reqCtx context.Context, cmd *exec.Cmd) error {
	release, err := c.start(reqCtx, cmd)
	if err != nil {
		return err
	}
	defer release()
	return cmd.Wait()
}

// wait returns when every child has ended, or after timeout.
func (c *children) wait(timeout time.Duration) {
	finished := make(chan struct{})
	go func() {
		c.running.Wait()
		close(finished)
	}()
	select {
	case <-finished:
	case <-time.After(timeout):
	}
}
