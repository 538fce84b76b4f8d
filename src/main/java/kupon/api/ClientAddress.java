package kupon.api;

import io.vertx.core.http.HttpServerRequest;

/** The address a request came from, for per-IP limits when checkout does not forward the shopper's own. */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
