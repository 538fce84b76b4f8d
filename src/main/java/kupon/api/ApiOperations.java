package kupon.api;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every operation of the API does, in a sentence and a paragraph, and the statuses it answers: the OpenAPI text. */
final class ApiOperations {

    /** One operation: summary, description, its success status (when not 200) and the errors it can answer. */
    record Doc(String summary, String description, String success, String successDescription, Map<String, String> errors) {
    }

    private static final Map<String, Doc> DOCS = new HashMap<>();

    private static final String BAD = "The body or a parameter is malformed (not JSON, wrong type); the message says what to send";
    private static final String INVALID = "A field is invalid; `details` names each one and says why";
    private static final String NOT_FOUND = "There is no such resource";
    private static final String UNAUTHORIZED = "No API key, or an unknown one";
    private static final String FORBIDDEN = "The key's role may not do this";
    private static final String UNAVAILABLE = "The database cannot be reached just now (Retry-After), or no rule set is active";

    static {
        doc("POST /api/v1/evaluate", "Evaluate a cart without committing anything",
                "Prices the cart with every promotion that applies, rejects the codes that do not (each with a reason), and says"
                        + " how far the cart is from promotions it misses. Consumes no usage limit. `?explain=true` adds, for each"
                        + " promotion that concerned the cart, whether it applied and why not (also for marketer keys).",
                null, "The priced cart", BAD, INVALID, "429:Too many unknown codes from this shopper; wait Retry-After seconds");
        doc("POST /api/v1/orders", "Commit a placed order and consume its limits",
                "Evaluates the cart again and, in one transaction, records the order and consumes every code and usage limit"
                        + " involved. Idempotent by orderId: the same body again answers 200 with the original answer.",
                "201", "The order is recorded; the body is the evaluation plus orderId", BAD, INVALID,
                "409:A code can no longer be used, the total changed, or the orderId was used for another body",
                "429:Too many unknown codes from this shopper; wait Retry-After seconds");
        doc("GET /api/v1/orders/{orderId}", "Read a recorded order and where it stands",
                "The answer the order got, with status PLACED or CANCELLED, placedAt and cancelledAt.", null, "The order", nf());
        doc("POST /api/v1/orders/{orderId}/cancel", "Cancel an order and give back what it used",
                "Releases every code use, per-customer and daily count and budget the order consumed. Idempotent.", null,
                "The order is cancelled (or already was)", nf());
        doc("GET /api/v1/promotions", "List promotions, filtered by status or text",
                "Every stored promotion, or those with `status` (ACTIVE, INACTIVE, ARCHIVED) or `q` in their id, name or campaign.",
                null, "The promotions", BAD);
        doc("POST /api/v1/promotions", "Create a JSON promotion",
                "Stores the promotion and makes it live on every node within 2 seconds. The answer carries `warnings` for"
                        + " what is accepted but likely a mistake (an active promotion whose schedule has ended).",
                "201", "The promotion as stored, with warnings if any", BAD, INVALID, "409:A promotion with this id exists");
        doc("GET /api/v1/promotions/{id}", "Read one promotion", "The promotion as stored.", null, "The promotion", nf());
        doc("PUT /api/v1/promotions/{id}", "Replace a promotion", "Replaces the whole promotion; live within 2 seconds.",
                null, "The promotion as stored, with warnings if any", BAD, INVALID, nf());
        doc("DELETE /api/v1/promotions/{id}", "Delete a promotion and its codes",
                "Removes the promotion and its codes; orders already placed keep what they got.", "204", "Deleted", nf());
        doc("POST /api/v1/promotions/{id}/activate", "Switch a promotion on", "Sets status ACTIVE; live within 2 seconds.",
                null, "The promotion, with warnings if any", nf());
        doc("POST /api/v1/promotions/{id}/deactivate", "Switch a promotion off",
                "Sets status INACTIVE; its codes are then rejected INACTIVE.", null, "The promotion", nf());
        doc("POST /api/v1/promotions/{id}/archive", "Archive a promotion", "Sets status ARCHIVED: off, and out of the way.",
                null, "The promotion", nf());
        doc("POST /api/v1/promotions/{id}/clone", "Copy a promotion under a new id",
                "Copies any promotion, past ones too, as INACTIVE so it can be edited before it goes live.", "201",
                "The copy", BAD, INVALID, nf(), "409:A promotion with the new id exists");
        doc("POST /api/v1/promotions/{id}/codes", "Add a code to a promotion",
                "Stores one code (matched case-insensitively) with its own limits and dates.", "201", "The code", BAD, INVALID,
                nf(), "409:The code exists already");
        doc("POST /api/v1/promotions/{id}/code-batches", "Generate codes in bulk",
                "Starts generating `count` unique random codes from a pattern in the background; poll the batch for progress.",
                "202", "The batch, RUNNING", BAD, INVALID, nf());
        doc("GET /api/v1/code-batches", "List code batches", "Batches newest first (at most 1,000), all or one promotion's.",
                null, "The batches");
        doc("GET /api/v1/code-batches/{batchId}", "Follow a code batch", "How many codes are generated, and whether it is done.",
                null, "The batch", nf());
        doc("GET /api/v1/code-batches/{batchId}/codes.csv", "Download a batch's codes as CSV",
                "One code per line under a `code` header, streamed.", null, "The codes as CSV", nf());
        doc("GET /api/v1/codes/{code}", "Look up a code and its uses", "The code, its promotion, status, uses and the orders that used it.",
                null, "The code", nf());
        doc("POST /api/v1/codes/{code}/deactivate", "Switch a code off", "The code is then rejected INACTIVE.", null, "The code", nf());
        doc("GET /api/v1/rulesets/active", "See the rule set serving now",
                "Version, sources, promotions, the last compile error, a rollback in effect with the files it leaves out, and"
                        + " the problems rules met on carts on this node.", null, "The rule set serving");
        doc("POST /api/v1/rulesets", "Upload a rule file (a decision table, or DRL for admins)",
                "Compiles the file with everything else; with an error nothing is stored (422, every error at its file and line"
                        + " or sheet and cell). `?dryRun=true` only validates and keeps a draft for simulation.",
                "201", "Stored and live; a dry run answers 200 with the draft", BAD,
                "422:The file does not compile; every error is located", "413:The file is larger than 5 MB");
        doc("GET /api/v1/rulesets/files/{name}", "Download an uploaded rule file", "The file as it serves.", null, "The file", nf());
        doc("DELETE /api/v1/rulesets/files/{name}", "Remove an uploaded rule file",
                "Takes the file out of the rule set and reloads; DRL needs an admin key.", null, "The version now serving", nf(),
                "422:The remaining files do not compile; the previous version keeps serving");
        doc("GET /api/v1/rulesets/versions", "List rule set versions with what changed",
                "The latest 200 versions: who made each, why, what changed against the one before, and what it was built from.",
                null, "The versions");
        doc("POST /api/v1/rulesets/versions/{n}/activate", "Roll back (or forward) to a version's rule files",
                "Serves version n's rule files again on every node, as a new version that says what it restores, until a"
                        + " reload, an upload or a removal. A version that changes DRL needs an admin key.",
                null, "The version now serving", nf(), "422:That version's files do not compile any more");
        doc("POST /api/v1/rulesets/reload", "Reload the rule set now (admin)",
                "Recompiles from the rules folder, uploads and promotions, and ends a rollback.", null, "The version serving",
                "422:A rule file does not compile; the previous version keeps serving");
        doc("POST /api/v1/simulate", "Try a draft or a version on sample carts",
                "Evaluates up to 100 carts against a draft, an older version or the active rule set, and the difference against"
                        + " the active one; touches nothing.", null, "Each cart's result and the differences", BAD, INVALID, nf());
        doc("GET /api/v1/ops/consistency", "Check that the usage counters match the order ledger",
                "Recounts every counter from the orders that consumed it and lists any that differ.", null, "The report");
        doc("POST /api/v1/fraud/blocks", "Block an IP, email, customer, device or address",
                "Codes from the blocked requester are rejected BLOCKED on every node within a second, until `until`.",
                "201", "The block", BAD, INVALID);
        doc("GET /api/v1/fraud/blocks", "List the blocks in force", "Every block not removed and not run out, newest first.", null, "The blocks");
        doc("DELETE /api/v1/fraud/blocks/{id}", "Remove a block", "The requester's codes work again.", "204", "Removed", nf());
        doc("GET /api/v1/fraud/events", "List what fraud prevention did",
                "Throttling, blocks added and removed, newest first, filtered by time, type and value, a page at a time.",
                null, "A page of events", BAD);
        doc("GET /api/v1/fraud/patterns", "Find accounts that share a device, IP, email or address",
                "Groups of distinct accounts sharing one identity that redeemed promotions limited per customer or to first"
                        + " orders, with the orders and amounts.", null, "The patterns, largest first", BAD);
        doc("GET /api/v1/analytics/promotions", "What each promotion earned and cost in a period",
                "Orders, cancels, customers, revenue, discount, average order value with and without it, margin, ROI and"
                        + " influence, a page of promotions at a time; `format=csv` for a spreadsheet.", null, "A page of figures", BAD);
        doc("GET /api/v1/analytics/promotions/{id}", "One promotion's figures, series, codes and experiment",
                "The figures of the list, a series per day, week or month in `timeZone`, code attempts and rejections by"
                        + " reason, and with a holdout the experiment: both groups, incremental revenue, lift and its 95% interval.",
                null, "The figures", BAD, nf());
        doc("GET /api/v1/analytics/codes/{code}", "One code's figures and series", "The orders that used the code and what it took off.",
                null, "The figures", BAD, nf());
        doc("GET /api/v1/analytics/campaigns/{campaign}", "One campaign's figures and series",
                "Orders whose context named the campaign.", null, "The figures", BAD, nf());
        doc("GET /api/v1/analytics/channels", "Figures by the order's channel, source and campaign",
                "The first `limit` values of each, from the orders' context.", null, "Figures per channel, source and campaign", BAD);
        doc("GET /api/v1/analytics/compare", "Promotions or campaigns side by side",
                "`promotions=a,b,c` or `campaigns=x,y`: the same figures for each, in the order given.", null, "The figures", BAD);
        doc("POST /api/v1/webhooks", "Register a receiver of signed events",
                "Events of the listed types are POSTed as CloudEvents 1.0 JSON with a `Kupon-Signature` HMAC-SHA256 header,"
                        + " at least once, in order per subject, retried with backoff for 72 hours (docs/events.md).",
                "201", "The webhook (its secret is never shown again)", BAD, INVALID);
        doc("GET /api/v1/webhooks", "List the webhooks", "Every webhook not deleted, newest first; secrets are not shown.", null, "The webhooks");
        doc("DELETE /api/v1/webhooks/{id}", "Delete a webhook", "No more deliveries; pending ones are given up.", "204", "Deleted", nf());
        doc("GET /api/v1/webhooks/{id}/deliveries", "What was delivered to a webhook",
                "Each event with its status (PENDING, DELIVERED, FAILED), attempts, the receiver's last answer or error,"
                        + " newest first, `limit` at a time (`before` continues).", null, "A page of deliveries", BAD, nf());
        doc("PUT /api/v1/inventory", "Record the stock of SKUs that promotions give away",
                "Up to 10,000 SKUs per call, stored in one statement (all or none): a free gift whose SKU has 0 is not given,"
                        + " one with fewer units than it gives gives what there is, and the answer's `warnings` say so.",
                null, "How many SKUs were stored", BAD, INVALID);
        doc("GET /api/v1/inventory/{sku}", "The stock recorded for a SKU", "As last reported, with when.", null, "The SKU's stock", nf());
        doc("POST /api/v1/analytics/rebuild", "Compute the rollups again from the order ledger",
                "For admins: throws the rollups away and recounts every recorded order in one snapshot.", null, "How many orders were counted");
    }

    private ApiOperations() {
    }

    private static String nf() {
        return "404:" + NOT_FOUND;
    }

    private static void doc(String operation, String summary, String description, String success, String successDescription,
                            String... errors) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String error : errors) {
            if (error.equals(BAD)) all.put("400", BAD);
            else if (error.equals(INVALID)) all.put("422", INVALID);
            else all.put(error.substring(0, 3), error.substring(4));
        }
        all.put("401", UNAUTHORIZED);
        all.put("403", FORBIDDEN);
        all.put("503", UNAVAILABLE);
        DOCS.put(operation, new Doc(summary, description, success, successDescription, all));
    }

    /** The documentation of "METHOD /path" as the OpenAPI document writes the path, or null if there is none. */
    static Doc of(String operation) {
        return DOCS.get(operation);
    }
}
