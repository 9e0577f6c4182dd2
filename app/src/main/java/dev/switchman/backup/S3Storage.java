package dev.switchman.backup;

import dev.switchman.desired.DatabaseSpec.BackupDestination;
import dev.switchman.desired.Secrets;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A prefix in an S3-compatible bucket (AWS, MinIO, R2, ...): endpoint override, path-style
 * addressing and region as declared; credentials from secrets. A single PUT is atomic in S3, so a
 * crashed upload leaves no object; the manifest is put only after its dump.
 */
public final class S3Storage implements BackupStorage {

    private final S3Client client;
    private final String bucket;
    private final String prefix;

    public S3Storage(S3Client client, String bucket, String prefix) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    static S3Storage open(BackupDestination.S3 s3, Secrets secrets, String folder) {
        String keyId = secret(secrets, s3.accessKeyId() == null ? null : s3.accessKeyId().name());
        String secret = secret(secrets, s3.secretAccessKey() == null ? null : s3.secretAccessKey().name());
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(s3.region() == null ? "us-east-1" : s3.region()))
                .forcePathStyle(s3.pathStyle())
                // Checksums only where S3 requires them: the SDK's default aws-chunked uploads with
                // trailing checksums are not understood by many S3-compatible servers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // plain (not aws-chunked) bodies, which every S3-compatible server accepts
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)));
        if (s3.endpoint() != null) {
            builder.endpointOverride(URI.create(s3.endpoint()));
        }
        String base = s3.prefix() == null || s3.prefix().isEmpty() ? "" : s3.prefix().replaceAll("/+$", "") + "/";
        return new S3Storage(builder.build(), s3.bucket(), base + folder);
    }

    private static String secret(Secrets secrets, String name) {
        if (name == null) {
            throw new BackupException("the S3 destination needs accessKeyId and secretAccessKey secrets");
        }
        return secrets.lookup(name).orElseThrow(() -> new BackupException("secret " + name + " is not set"));
    }

    @Override
    public void put(String key, Path file) {
        call(() -> client.putObject(b -> b.bucket(bucket).key(prefix + key), RequestBody.fromFile(file)), key);
    }

    @Override
    public void putText(String key, String text) {
        call(() -> client.putObject(b -> b.bucket(bucket).key(prefix + key).contentType("application/json"),
                RequestBody.fromString(text, StandardCharsets.UTF_8)), key);
    }

    @Override
    public void get(String key, Path target) {
        call(() -> {
            Files.deleteIfExists(target);
            return client.getObject(b -> b.bucket(bucket).key(prefix + key), target);
        }, key);
    }

    @Override
    public String getText(String key) {
        return call(() -> client.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + key)).asUtf8String(), key);
    }

    @Override
    public void delete(String key) {
        call(() -> client.deleteObject(b -> b.bucket(bucket).key(prefix + key)), key);
    }

    @Override
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page = call(() -> client.listObjectsV2(ListObjectsV2Request.builder()
                    .bucket(bucket).prefix(prefix).continuationToken(continuation).build()), prefix);
            for (S3Object object : page.contents()) {
                keys.add(object.key().substring(prefix.length()));
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return keys.stream().sorted().toList();
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private <T> T call(Call<T> call, String key) {
        try {
            return call.run();
        } catch (SdkException e) {
            throw new BackupException("S3 " + describe() + key + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new BackupException("S3 " + describe() + key + ": " + e.getMessage(), e);
        }
    }
}
