package dev.tribunal.imports;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** A file to import, gzip-compressed when its name ends in ".gz". */
record InputFile(Path path) {

    private static final int BUFFER = 1 << 16;
    private static final List<String> SUFFIXES = List.of(".jsonl", ".json", ".csv");

    /** The name used in messages: the path as given. */
    String name() {
        return path.toString();
    }

    /** The file name without ".gz", lower case. */
    String plainName() {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    boolean isCsv() {
        return plainName().endsWith(".csv");
    }

    InputStream openStream() throws IOException {
        InputStream in = Files.newInputStream(path);
        try {
            return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                    ? new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER)
                    : new BufferedInputStream(in, BUFFER);
        } catch (IOException e) {
            in.close();
            throw new BadInputException(name() + ": cannot read it as gzip: " + e.getMessage(), e);
        }
    }

    BufferedReader openReader() throws IOException {
        return new BufferedReader(new InputStreamReader(openStream(), StandardCharsets.UTF_8), BUFFER);
    }

    /**
     * The files named on a command line: each file as it is, and in each directory (recursively, sorted by path)
     * the files ending in .jsonl, .json or .csv, optionally gzipped.
     */
    static List<InputFile> expand(List<Path> paths) {
        List<InputFile> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<InputFile> found = inDirectory(path);
                if (found.isEmpty()) throw new BadInputException(path + ": no .jsonl, .json or .csv files in this directory");
                files.addAll(found);
            } else if (Files.isRegularFile(path)) {
                files.add(new InputFile(path));
            } else {
                throw new BadInputException(path + ": no such file or directory");
            }
        }
        return files;
    }

    private static List<InputFile> inDirectory(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).sorted().map(InputFile::new)
                    .filter(file -> SUFFIXES.stream().anyMatch(file.plainName()::endsWith))
                    .toList();
        } catch (IOException e) {
            throw new BadInputException(directory + ": cannot list it: " + e.getMessage(), e);
        }
    }
}
