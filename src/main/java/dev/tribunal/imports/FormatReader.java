package dev.tribunal.imports;

import java.io.IOException;

/** Reads one file of one format into battles. */
interface FormatReader {
    void read(InputFile file, ImportSettings settings, BattleSink sink) throws IOException;
}
