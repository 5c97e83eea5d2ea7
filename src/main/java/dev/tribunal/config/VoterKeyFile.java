package dev.tribunal.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

/**
 * The voter secret on disk: raw bytes in a file only its owner may read (0600). Created with those permissions
 * from the start (a temporary file opened 0600, written, synced, then linked into place, so no other process
 * ever sees it readable or half written, and of two starting at once one wins); an existing file that its group
 * or others may read is refused.
 */
final class VoterKeyFile {

    static final String DEFAULT_NAME = "voter.key";
    private static final int MIN_BYTES = 16;
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final Path file;
    private final String configKey;

    VoterKeyFile(Path file, String configKey) {
        this.file = file.toAbsolutePath();
        this.configKey = configKey;
    }

    /** The secret in the file, creating it with 32 random bytes when there is none. */
    byte[] readOrCreate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return readOrCreate(random);
    }

    /** The secret in the file, creating it with {@code initial} when there is none. */
    byte[] readOrCreate(byte[] initial) {
        try {
            if (!Files.exists(file)) create(initial);
            return read();
        } catch (IOException e) {
            throw new ConfigException(configKey, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private byte[] read() throws IOException {
        if (posix()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> !OWNER_ONLY.contains(p) && p != PosixFilePermission.OWNER_EXECUTE)) {
                throw new ConfigException(configKey, file + " may be read by other users ("
                        + PosixFilePermissions.toString(perms) + "); run: chmod 600 " + file);
            }
        }
        byte[] secret = Files.readAllBytes(file);
        if (secret.length < MIN_BYTES) {
            throw new ConfigException(configKey, file + " holds " + secret.length + " bytes; a voter secret needs at least "
                    + MIN_BYTES + " (delete the file to have a new one made: returning voters become new visitors)");
        }
        return secret;
    }

    private void create(byte[] secret) {
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            Path temporary = posix()
                    ? Files.createTempFile(dir, ".voter-key-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, ".voter-key-", ".tmp", new FileAttribute<?>[0]);
            try {
                try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    out.write(ByteBuffer.wrap(secret));
                    out.force(true);
                }
                try {
                    Files.createLink(file, temporary);   // fails if the file exists: never replaces a key
                } catch (UnsupportedOperationException e) {
                    Files.move(temporary, file);
                }
            } catch (FileAlreadyExistsException e) {
                // another process made it first: use theirs
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new ConfigException(configKey, "cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    private boolean posix() {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
