package dev.aitrainingdirectory.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** Ports of 127.0.0.1 for the processes the tests start: a free one, and waiting until one listens. */
final class LocalPorts {

    private LocalPorts() {
    }

    /** A port nothing listens on now. */
    static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits until {@code port} accepts a connection; fails with {@code output} (the process's log, read
     * only then) if the process exits first or the timeout passes.
     */
    static void awaitListening(int port, Process process, String name, Duration timeout, Callable<String> output) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + output.call());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException(name + " did not listen within " + timeout + ":\n" + output.call());
    }
}
