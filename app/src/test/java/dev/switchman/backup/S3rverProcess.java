package dev.switchman.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for tests: s3rver from npm, installed into {@code target/s3rver} on
 * first use ({@code npm install}, version pinned in {@code src/test/s3/package.json}) and run by node
 * on a free port. Bucket {@code backups}; any credentials are accepted.
 */
final class S3rverProcess implements AutoCloseable {

    private static final Path SOURCE = Path.of("src/test/s3");
    private static final Path INSTALL = Path.of("target/s3rver");

    private final Process process;
    private final int port;

    private S3rverProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static S3rverProcess start(Path dataDir) throws IOException, InterruptedException {
        Files.createDirectories(INSTALL);
        for (String file : new String[] {"package.json", "server.js"}) {
            Files.copy(SOURCE.resolve(file), INSTALL.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(INSTALL.resolve("node_modules/s3rver"))) {
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-package-lock")
                    .directory(INSTALL.toFile()).redirectErrorStream(true)
                    .redirectOutput(INSTALL.resolve("npm-install.log").toFile()).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IOException("npm install of s3rver failed; see " + INSTALL.resolve("npm-install.log"));
            }
        }
        Process node = new ProcessBuilder("node", "server.js", dataDir.toAbsolutePath().toString())
                .directory(INSTALL.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("LISTENING ")) {
            node.destroyForcibly();
            throw new IOException("s3rver did not start: " + line);
        }
        return new S3rverProcess(node, Integer.parseInt(line.substring("LISTENING ".length()).trim()));
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
