import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Closed-loop HTTPS load with a client certificate: {@code concurrency} workers, each on its own kept-alive TLS
 * connection (HTTP/1.1, opened again only if the server closes it), send one GET after the other for {@code
 * seconds} (after a warm-up), to paths made from a template and random ids from a file. Prints requests/s and
 * latency percentiles, and how many requests completed in all (warm-up included). Plain blocking sockets and a hand-written HTTP/1.1 exchange keep the generator's own CPU
 * small beside the server's on the same machine. JDK only, no dependencies.
 *
 * <pre>java RecordLoad.java BASE_URL P12 PASSWORD IDS_FILE PATH_TEMPLATE CONCURRENCY SECONDS WARMUP_SECONDS LABEL</pre>
 * PATH_TEMPLATE contains {@code {id}}, e.g. {@code /fhir/Observation?patient=Patient/{id}&_count=20}.
 */
public class RecordLoad {

    public static void main(String[] args) throws Exception {
        if (args.length != 9) {
            System.err.println("usage: RecordLoad BASE_URL P12 PASSWORD IDS_FILE PATH_TEMPLATE CONCURRENCY SECONDS WARMUP LABEL");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        char[] password = args[2].toCharArray();
        List<String> ids = Files.readAllLines(Path.of(args[3])).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        String template = args[4];
        int concurrency = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        int warmup = Integer.parseInt(args[7]);
        String label = args[8];

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            keys.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), new TrustManager[] {new TrustingManager()}, new SecureRandom());
        String host = base.getHost();
        int port = base.getPort() < 0 ? 443 : base.getPort();

        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        AtomicLong failures = new AtomicLong();
        AtomicLong connections = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        long[][] perWorker = new long[concurrency][];
        int[] counts = new int[concurrency];
        Thread[] workers = new Thread[concurrency];
        for (int w = 0; w < concurrency; w++) {
            long[] latencies = new long[4_000_000 / concurrency];
            perWorker[w] = latencies;
            int worker = w;
            workers[w] = new Thread(() -> {
                int n = 0;
                Connection connection = null;
                while (true) {
                    long start = System.nanoTime();
                    if (start >= end) {
                        break;
                    }
                    String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                    byte[] request = ("GET " + template.replace("{id}", id) + " HTTP/1.1\r\nHost: " + host + ":" + port
                            + "\r\nAccept: application/fhir+json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                    try {
                        if (connection == null) {
                            connection = new Connection(tls, host, port);
                            connections.incrementAndGet();
                        }
                        int status = connection.exchange(request);
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                        if (connection.closed) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                        if (connection != null) {
                            connection.close();
                            connection = null;
                        }
                    }
                    long done = System.nanoTime();
                    completed.incrementAndGet();
                    if (start >= warmEnd && n < latencies.length) {
                        latencies[n++] = done - start;
                    }
                }
                if (connection != null) {
                    connection.close();
                }
                counts[worker] = n;
            });
            workers[w].start();
        }
        for (Thread t : workers) {
            t.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(perWorker[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        // this generator's own CPU time (TLS and HTTP of the client side), per request, warm-up included
        long cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        System.out.printf("%-14s concurrency %3d  %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  failed %d"
                + "  connections %d  all %d  generator-cpu %.2f ms%n", label, concurrency, total / (double) seconds,
                pct(all, 0.50), pct(all, 0.99), pct(all, 0.999), failures.get(), connections.get(), completed.get(),
                cpu / 1e6 / Math.max(1, completed.get()));
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1_000_000.0;
    }

    /** One kept-alive TLS connection: a request written whole, the response read by Content-Length or chunks. */
    private static final class Connection {

        private final SSLSocket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] line = new byte[8192];
        private final byte[] skip = new byte[16384];
        boolean closed;

        Connection(SSLContext tls, String host, int port) throws IOException {
            socket = (SSLSocket) tls.getSocketFactory().createSocket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(30_000);
            socket.startHandshake();
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 65536);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = readLine();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            while (true) {
                String header = readLine();
                if (header.isEmpty()) {
                    break;
                }
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("connection") && value.equalsIgnoreCase("close")) {
                    closed = true;
                }
            }
            if (chunked) {
                while (true) {
                    String size = readLine();
                    int semicolon = size.indexOf(';');
                    long chunk = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                    if (chunk == 0) {
                        while (!readLine().isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    discard(chunk);
                    readLine();
                }
            } else if (length >= 0) {
                discard(length);
            } else {
                closed = true;
                while (in.read(skip) >= 0) {
                    // body until the server closes
                }
            }
            return status;
        }

        private void discard(long n) throws IOException {
            while (n > 0) {
                int read = in.read(skip, 0, (int) Math.min(skip.length, n));
                if (read < 0) {
                    throw new IOException("connection closed in a body");
                }
                n -= read;
            }
        }

        private String readLine() throws IOException {
            int n = 0;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b == '\n') {
                    break;
                }
                if (n < line.length) {
                    line[n++] = (byte) b;
                }
            }
            if (n > 0 && line[n - 1] == '\r') {
                n--;
            }
            return new String(line, 0, n, StandardCharsets.ISO_8859_1);
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // gone already
            }
        }
    }

    /** The benchmark talks to its own server with its self-signed certificate. */
    private static final class TrustingManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
