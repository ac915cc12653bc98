#!/usr/bin/env python3
"""Shares of a profile's samples per component, each sample counted once, in the innermost
component it is in (what bench/README.md's profile tables show).

    bench/profile-shares.py OUT.collapsed      # the collapsed stacks bench/profile.sh writes
"""
import re
import sys

# Innermost first: the first rule a frame matches, walking out from the leaf, names the sample.
RULES = [
    ("epoll_wait", r"epoll_wait|io/netty/channel/epoll/Native\.epollWait"),
    ("write, writev, read system calls", r"^(__)?(libc_)?(write|writev|read|send|sendto|recv|recvfrom)(v)?$|^__GI___(write|writev|read)|sys_(write|writev|read)|SocketDispatcher|IOUtil\.(write|read)|io/netty/channel/unix/FileDescriptor\.(write|read)|io/netty/channel/epoll/Native\.(sendmsg|recv)|Java_io_netty_channel_unix_FileDescriptor_(write|read)"),
    ("garbage collection", r"^(VM_GC|GenCollect|DefNew|Tenured|SerialHeap|G1|GC|CollectedHeap|MemAllocator|Generation|OopMap|Scavenge|Mark)"),
    ("JIT compilation", r"^(C2Compiler|Compile::|CompileBroker|C1|Compilation|Phase|Parse|Matcher|ciEnv|LinearScan|GraphBuilder)"),
    ("RESTEasy Reactive", r"org/jboss/resteasy|io/quarkus/resteasy"),
    ("ArC (CDI)", r"io/quarkus/arc"),
    ("Netty's HTTP codec", r"io/netty/handler/codec/http"),
    ("Vert.x HTTP client", r"io/vertx/core/http/impl/(HttpClient|Http1xClient|ClientHttp|HttpClientRequest|HttpClientResponse|Http1xClientConnection)|io/vertx/core/net/impl/pool|io/vertx/core/http/impl/pool"),
    ("Vert.x Web router", r"io/vertx/ext/web"),
    ("API key, role and rate limit", r"io/outsidein/gateway/(auth|ratelimit)"),
    ("the forwarding route", r"io/outsidein/gateway/routes"),
    ("gateway/forward", r"io/outsidein/gateway/forward"),
    ("gateway/http checks", r"io/outsidein/gateway/http"),
    ("Micrometer", r"io/micrometer|io/quarkus/micrometer"),
    ("logging and MDC", r"org/jboss/log|MDC"),
    ("Vert.x and Netty core", r"io/vertx|io/netty"),
]
COMPILED = [(name, re.compile(pattern)) for name, pattern in RULES]


def component(frames):
    for frame in reversed(frames):
        for name, pattern in COMPILED:
            if pattern.search(frame):
                return name
    return "other"


def main(path):
    totals = {}
    all_samples = 0
    with open(path) as collapsed:
        for line in collapsed:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            if not stack:
                continue
            samples = int(count)
            all_samples += samples
            name = component(stack.split(";"))
            totals[name] = totals.get(name, 0) + samples
    for name, samples in sorted(totals.items(), key=lambda item: -item[1]):
        print(f"{100.0 * samples / all_samples:5.1f}%  {name}")
    print(f"{all_samples} samples")


if __name__ == "__main__":
    main(sys.argv[1])
