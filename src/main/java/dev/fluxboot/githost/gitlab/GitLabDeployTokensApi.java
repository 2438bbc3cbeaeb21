package dev.fluxboot.githost.gitlab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fluxboot.githost.ForgeHttp;
import jakarta.ws.rs.core.Response;
import org.gitlab4j.api.AbstractApi;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;
import org.gitlab4j.api.GitLabApiForm;

import java.util.ArrayList;
import java.util.List;

/**
 * Project deploy tokens as the Flux CLI (go-gitlab) handles them. gitlab4j's own API forces an
 * expiry date and a user name on new tokens and does not show whether a token was revoked, so
 * these calls go through its client directly: {@code GET ?active=true}, {@code POST} with name
 * and {@code read_repository} only (no expiry: the token lives as long as the Secret), {@code DELETE}.
 */
final class GitLabDeployTokensApi extends AbstractApi {

    /** A deploy token as listed; {@code token} is only present in the answer to its creation. */
    record TokenInfo(long id, String name, String username, String token) {

        @Override
        public String toString() {
            return "TokenInfo[id=" + id + ", name=" + name + ", username=" + username + ", token=***]";
        }
    }

    GitLabDeployTokensApi(GitLabApi api) {
        super(api);
    }

    /** Active (not revoked, not expired) deploy tokens of the project, all pages. */
    List<TokenInfo> active(String projectPath) throws GitLabApiException {
        List<TokenInfo> tokens = new ArrayList<>();
        String page = "1";
        while (page != null && !page.isBlank()) {
            GitLabApiForm query = new GitLabApiForm().withParam("active", true).withParam(PER_PAGE_PARAM, 100)
                    .withParam(PAGE_PARAM, page);
            Response response = get(Response.Status.OK, query.asMap(), "projects", getProjectIdOrPath(projectPath),
                    "deploy_tokens");
            for (JsonNode token : read(response)) {
                // Older GitLab versions ignore ?active: filter as go-git-providers does.
                if (!token.path("revoked").asBoolean(false) && !token.path("expired").asBoolean(false)) {
                    tokens.add(info(token));
                }
            }
            page = response.getHeaderString("X-Next-Page");
        }
        return tokens;
    }

    /** Creates a read-only token; the answer carries its secret. */
    TokenInfo create(String projectPath, String name) throws GitLabApiException {
        GitLabApiForm form = new GitLabApiForm().withParam("name", name, true)
                .withParam("scopes", List.of("read_repository"), true);
        Response response = post(Response.Status.CREATED, form, "projects", getProjectIdOrPath(projectPath), "deploy_tokens");
        return info(read(response));
    }

    void delete(String projectPath, long id) throws GitLabApiException {
        delete(Response.Status.NO_CONTENT, null, "projects", getProjectIdOrPath(projectPath), "deploy_tokens", id);
    }

    private static JsonNode read(Response response) throws GitLabApiException {
        String body = response.readEntity(String.class);
        try {
            return ForgeHttp.json().readTree(body == null ? "null" : body);
        } catch (JsonProcessingException e) {
            throw new GitLabApiException("GitLab answered deploy tokens with invalid JSON", response.getStatus());
        }
    }

    private static TokenInfo info(JsonNode token) {
        return new TokenInfo(token.path("id").asLong(), token.path("name").asText(""), token.path("username").asText(""),
                token.hasNonNull("token") ? token.path("token").asText() : null);
    }
}
