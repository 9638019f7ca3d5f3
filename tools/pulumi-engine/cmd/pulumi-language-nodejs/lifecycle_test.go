package main

import (
	"context"
	"net"
	"os/exec"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

func TestAChildIsInterruptedWhenTheHostStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	c := newChildren(ctx)
	cmd := exec.Command("sleep", "30")
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	err := c.run(context.Background(), cmd)
	if err == nil {
		t.Fatal("sleep 30 ended without an error: it was not interrupted")
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("interrupting the child took %s", took)
	}
}

func TestAChildThatIgnoresSIGINTIsKilledAfterTheGracePeriod(t *testing.T) {
	defer func(d time.Duration) { childGracePeriod = d }(childGracePeriod)
	childGracePeriod = 300 * time.Millisecond
	reqCtx, cancel := context.WithCancel(context.Background())
	c := newChildren(context.Background())
	// A busy loop rather than a sleep: a killed shell would leave a sleeping child behind.
	cmd := exec.Command("sh", "-c", `trap "" INT; while :; do :; done`)
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	if err := c.run(reqCtx, cmd); err == nil {
		t.Fatal("the child ended without an error: it was not killed")
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("killing the child took %s", took)
	}
}

// The host exits on its own once the engine that started it stops answering its health check.
func TestTheHostExitsWhenTheEngineIsGone(t *testing.T) {
	defer func(d time.Duration) { engineHealthInterval = d }(engineHealthInterval)
	engineHealthInterval = 100 * time.Millisecond
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	engine := grpc.NewServer()
	healthpb.RegisterHealthServer(engine, health.NewServer())
	go func() { _ = engine.Serve(lis) }()

	served := make(chan error, 1)
	go func() { served <- serve([]string{lis.Addr().String()}) }()
	select {
	case err := <-served:
		t.Fatalf("the host stopped while the engine was alive: %v", err)
	case <-time.After(500 * time.Millisecond):
	}
	engine.Stop()
	select {
	case err := <-served:
		if err != nil {
			t.Fatalf("serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the host was still serving 5 s after the engine went away")
	}
}
