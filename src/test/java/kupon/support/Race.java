package kupon.support;

import io.restassured.RestAssured;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Fires many HTTP requests at once (all threads released together by one latch) and collects the answers. */
public final class Race {

    /** One answer: status and body. */
    public record Answer(int status, String body) {
    }

    private Race() {
    }

    /** Sends {@code count} POSTs built by {@code body(i)} to {@code path} on this test's server, all at once. */
    public static List<Answer> post(String path, String apiKey, int count, IntFunction<String> body) {
        return post(URI.create("http://localhost:" + RestAssured.port + path), apiKey, count, body);
    }

    public static List<Answer> post(URI uri, String apiKey, int count, IntFunction<String> body) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService threads = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.apply(i))).build();
                answers.add(threads.submit(() -> {
                    start.await();
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    return new Answer(response.statusCode(), response.body());
                }));
            }
            start.countDown();
            List<Answer> results = new ArrayList<>();
            for (Future<Answer> answer : answers) results.add(answer.get());
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("The race could not be run: " + e.getMessage(), e);
        } finally {
            threads.shutdownNow();
        }
    }

    public static long count(List<Answer> answers, int status) {
        return answers.stream().filter(a -> a.status() == status).count();
    }
}
