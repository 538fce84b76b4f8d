package kupon.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.List;
import java.util.Map;

/**
 * Completes the OpenAPI document Quarkus builds from the resources: the API-key security scheme (so Swagger UI's
 * Authorize button works), a summary sentence and a description for every operation ({@link ApiOperations}), and the
 * error answers each can give, all with the {@code ApiError} schema.
 */
public class ApiDocument implements OASFilter {

    static final String SCHEME = "apiKey";
    private static final String ERROR_SCHEMA = "#/components/schemas/ApiError";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) openAPI.setComponents(OASFactory.createComponents());
        openAPI.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API key: send it as 'Authorization: Bearer <key>' (or 'X-Api-Key: <key>'). Its role (checkout,"
                        + " marketer, admin) decides what it may call."));
        openAPI.getComponents().addSchema("ApiError", errorSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) return;
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                document(method, path, operation)));
    }

    private static void document(PathItem.HttpMethod method, String path, Operation operation) {
        ApiOperations.Doc doc = ApiOperations.of(method.name() + " " + path);
        if (doc == null) return; // undocumented: OpenApiDocumentTest names it
        operation.setSummary(doc.summary());
        operation.setDescription(doc.description());
        if (operation.getResponses() == null) operation.setResponses(OASFactory.createAPIResponses());
        APIResponses responses = operation.getResponses();
        if (doc.success() != null && responses.getAPIResponse(doc.success()) == null) {
            // The resource answers another status than the one Quarkus guessed (201 instead of 200, say).
            APIResponse guessed = responses.getAPIResponse("200");
            if (guessed != null) {
                responses.removeAPIResponse("200");
                responses.addAPIResponse(doc.success(), guessed.description(doc.successDescription()));
            } else {
                responses.addAPIResponse(doc.success(), OASFactory.createAPIResponse().description(doc.successDescription()));
            }
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2") && (response.getDescription() == null || response.getDescription().isBlank()
                    || response.getDescription().equals("OK"))) {
                response.setDescription(doc.successDescription());
            }
        });
        for (Map.Entry<String, String> error : doc.errors().entrySet()) {
            responses.addAPIResponse(error.getKey(), OASFactory.createAPIResponse().description(error.getValue())
                    .content(OASFactory.createContent().addMediaType("application/json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR_SCHEMA)))));
        }
        if (path.startsWith("/api/")) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
        }
    }

    private static Schema errorSchema() {
        Schema text = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
        Schema detail = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("path", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description("the field, e.g. cart.lines[0].quantity"))
                .addProperty("message", text);
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("Every error: a machine-readable code, a sentence saying what to do, and the fields at fault")
                .addProperty("error", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description("e.g. VALIDATION_FAILED"))
                .addProperty("message", text)
                .addProperty("details", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(detail))
                .required(List.of("error", "message"));
    }
}
