package kupon.rules.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One file of a rule set: its name (path relative to where it came from), kind, content and SHA-256. */
public record RuleSource(String name, RuleSourceKind kind, byte[] content, String sha256) {

    public static RuleSource of(String name, RuleSourceKind kind, byte[] content) {
        return new RuleSource(name, kind, content.clone(), sha256(content));
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
