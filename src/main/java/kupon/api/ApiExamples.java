package kupon.api;

/** The example bodies the OpenAPI document shows for the main calls; each is a body the service accepts as it is. */
final class ApiExamples {

    /** A cart with a code. */
    static final String CART = "{\"cart\": {\"currency\": \"USD\", \"lines\": [{\"id\": \"l1\", \"sku\": \"MUG-1\", \"categories\": [\"kitchen\"], \"quantity\": 2, \"unitPrice\": \"12.50\"}], \"shipping\": {\"method\": \"standard\", \"price\": \"4.99\", \"country\": \"US\"}}, \"customer\": {\"id\": \"u-42\", \"email\": \"jane@example.com\"}, \"codes\": [\"SAVE10\"], \"context\": {\"channel\": \"web\", \"ip\": \"203.0.113.9\"}}";

    /** An order. */
    static final String ORDER = "{\"orderId\": \"ord-1001\", \"cart\": {\"currency\": \"USD\", \"lines\": [{\"id\": \"l1\", \"sku\": \"MUG-1\", \"quantity\": 2, \"unitPrice\": \"12.50\"}]}, \"customer\": {\"id\": \"u-42\"}}";

    /** A promotion. */
    static final String PROMOTION = "{\"id\": \"bf-shoes-20\", \"name\": \"Black Friday: 20% off shoes\", \"status\": \"ACTIVE\", \"trigger\": \"AUTOMATIC\", \"reward\": {\"type\": \"PERCENT_OFF\", \"value\": 20, \"target\": \"ITEMS\", \"items\": {\"categories\": [\"shoes\"]}}, \"limits\": {\"perCustomer\": 1}}";

    private ApiExamples() {
    }
}
