package kupon.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import kupon.database.Sql;
import kupon.rules.source.RuleSource;
import kupon.rules.source.RuleSourceKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Rule sources kept in PostgreSQL: uploaded files with their history, the content of every version's
 * sources (so any version can be built again on any node), drafts from dry-run uploads, compiled modules, and the
 * pin that a rollback sets. Owner of the tables {@code rule_file}, {@code rule_file_history},
 * {@code rule_source_blob}, {@code rule_set_draft}, {@code rule_set_pin} and {@code compiled_rule_set}. Every
 * change to what is served moves the catalog revision, which notifies all nodes.
 */
@ApplicationScoped
public class RuleSourceStore {

    /** Uploaded files appear in the rule set under this folder, apart from the files of the rules directory. */
    public static final String UPLOADED = "uploaded/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sql sql;

    public RuleSourceStore(Sql sql) {
        this.sql = sql;
    }

    /** The current uploaded files, named {@code uploaded/<name>}. */
    public List<RuleSource> uploaded() {
        return sql.list("Reading uploaded rule files",
                "SELECT f.name, f.kind, b.content FROM rule_file f JOIN rule_source_blob b ON b.sha256 = f.sha256 ORDER BY f.name",
                row -> RuleSource.of(UPLOADED + row.getString(1), RuleSourceKind.valueOf(row.getString(2)), row.getBytes(3)));
    }

    /** Stores an upload as the current file of that name, records it in the history and lifts any rollback pin. */
    public void upload(String name, RuleSourceKind kind, byte[] content, String uploadedBy) {
        RuleSource source = RuleSource.of(UPLOADED + name, kind, content);
        Instant now = Instant.now();
        sql.transaction("Storing rule file " + name, c -> {
            saveBlobs(c, List.of(source));
            Sql.update(c, """
                    INSERT INTO rule_file (name, kind, sha256, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, sha256 = EXCLUDED.sha256,
                        uploaded_at = EXCLUDED.uploaded_at, uploaded_by = EXCLUDED.uploaded_by""",
                    name, kind, source.sha256(), now, uploadedBy);
            Sql.update(c, "INSERT INTO rule_file_history (name, kind, sha256, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?)",
                    name, kind, source.sha256(), now, uploadedBy);
            setPin(c, null, VersionCause.of(VersionCause.Kind.UPLOAD, uploadedBy));
            return null;
        });
    }

    /** Removes an uploaded file from the rule set (its history stays); false when there is no such file. */
    public boolean delete(String name, String by) {
        return sql.transaction("Deleting rule file " + name, c -> {
            if (Sql.update(c, "DELETE FROM rule_file WHERE name = ?", name) == 0) return false;
            setPin(c, null, VersionCause.of(VersionCause.Kind.REMOVAL, by));
            return true;
        });
    }

    /** The current uploaded file of that name (without the {@code uploaded/} folder), if there is one. */
    public Optional<RuleSource> uploadedFile(String name) {
        return sql.one("Reading rule file " + name,
                "SELECT f.kind, b.content FROM rule_file f JOIN rule_source_blob b ON b.sha256 = f.sha256 WHERE f.name = ?",
                row -> RuleSource.of(UPLOADED + name, RuleSourceKind.valueOf(row.getString(1)), row.getBytes(2)), name);
    }

    /** The kind of an uploaded file, if there is one of that name. */
    public Optional<RuleSourceKind> kindOf(String name) {
        return sql.one("Reading rule file " + name, "SELECT kind FROM rule_file WHERE name = ?",
                row -> RuleSourceKind.valueOf(row.getString(1)), name);
    }

    /** A module compiled earlier from sources with this hash. */
    public Optional<RuleSetCompiler.CompiledModule> compiledModule(String sourcesHash) {
        return sql.one("Reading a compiled rule module", "SELECT release_version, kjar FROM compiled_rule_set WHERE sources_hash = ?",
                row -> new RuleSetCompiler.CompiledModule(row.getString(1), row.getBytes(2)), sourcesHash);
    }

    /** Keeps a compiled module, and only the 20 most recent, since old ones are rarely needed and a compile rebuilds them. */
    public void saveCompiledModule(String sourcesHash, RuleSetCompiler.CompiledModule module) {
        sql.transaction("Storing a compiled rule module", c -> {
            Sql.update(c, """
                    INSERT INTO compiled_rule_set (sources_hash, release_version, kjar) VALUES (?, ?, ?)
                    ON CONFLICT (sources_hash) DO NOTHING""", sourcesHash, module.releaseVersion(), module.kjar());
            Sql.update(c, """
                    DELETE FROM compiled_rule_set WHERE sources_hash NOT IN
                      (SELECT sources_hash FROM compiled_rule_set ORDER BY created_at DESC LIMIT 20)""");
            return null;
        });
    }

    /** Keeps the content of these sources for good (content-addressed, so storing twice costs nothing). */
    public void saveBlobs(List<RuleSource> sources) {
        sql.transaction("Storing rule sources", c -> {
            saveBlobs(c, sources);
            return null;
        });
    }

    /** The sources a version was built from, read back from their stored content. */
    public Optional<List<RuleSource>> sourcesOf(long version) {
        return sql.connected("Reading the sources of version " + version, c -> {
            Optional<String> infos = Sql.one(c, "SELECT sources FROM rule_set_version WHERE version = ?", row -> row.getString(1), version);
            return infos.isEmpty() ? Optional.empty() : Optional.of(load(c, read(infos.get())));
        });
    }

    /** Keeps a validated set of sources for simulation; returns its id. */
    public String saveDraft(List<RuleSource> sources) {
        String id = "draft-" + UUID.randomUUID().toString().substring(0, 13);
        String infos = write(sources.stream().map(s -> new RuleSet.SourceInfo(s.name(), s.kind(), s.sha256())).toList());
        sql.transaction("Storing a draft", c -> {
            saveBlobs(c, sources);
            Sql.update(c, "INSERT INTO rule_set_draft (id, sources) VALUES (?, ?::jsonb)", id, infos);
            return null;
        });
        return id;
    }

    public Optional<List<RuleSource>> draft(String id) {
        return sql.connected("Reading draft " + id, c -> {
            Optional<String> infos = Sql.one(c, "SELECT sources FROM rule_set_draft WHERE id = ?", row -> row.getString(1), id);
            return infos.isEmpty() ? Optional.empty() : Optional.of(load(c, read(infos.get())));
        });
    }

    public Optional<Long> pinnedVersion() {
        return sql.one("Reading the rollback pin", "SELECT version FROM rule_set_pin", row -> (Long) row.getObject(1));
    }

    /** Makes every node serve the rule files of {@code version} (null: the folder and uploads again). */
    public void pin(Long version, String by) {
        sql.transaction("Pinning version " + version, c -> {
            setPin(c, version, version == null ? VersionCause.of(VersionCause.Kind.RELOAD, by) : VersionCause.rollback(by, version));
            return null;
        });
    }

    private static void setPin(Connection c, Long version, VersionCause cause) throws SQLException {
        Sql.update(c, "UPDATE rule_set_pin SET version = ?::bigint", version);
        CatalogRevision.bump(c, cause);
    }

    private static void saveBlobs(Connection c, List<RuleSource> sources) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO rule_source_blob (sha256, content) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING")) {
            for (RuleSource source : sources) {
                Sql.bind(insert, source.sha256(), source.content());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static List<RuleSource> load(Connection c, List<RuleSet.SourceInfo> infos) throws SQLException {
        Map<String, byte[]> contents = new HashMap<>();
        Sql.list(c, "SELECT sha256, content FROM rule_source_blob WHERE sha256 = ANY (?)",
                row -> contents.put(row.getString(1), row.getBytes(2)), infos.stream().map(RuleSet.SourceInfo::sha256).toList());
        List<RuleSource> sources = new ArrayList<>();
        for (RuleSet.SourceInfo info : infos) {
            byte[] content = contents.get(info.sha256());
            if (content == null) throw new IllegalStateException("The content of " + info.name() + " (" + info.sha256() + ") is not stored");
            sources.add(RuleSource.of(info.name(), info.kind(), content));
        }
        return sources;
    }

    private static List<RuleSet.SourceInfo> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("Stored rule set sources cannot be read: " + e.getMessage(), e);
        }
    }

    private static String write(List<RuleSet.SourceInfo> infos) {
        try {
            return JSON.writeValueAsString(infos);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Rule set sources cannot be written as JSON", e);
        }
    }
}
