package dev.tribunal.web;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A test on a service (template database) with stub live judges, both stopped after each test. */
abstract class LiveServiceTest {

    @TempDir
    Path dir;

    StubJudges judges;
    RunningService service;

    @AfterEach
    void stop() {
        if (service != null) service.close();
        if (judges != null) judges.close();
    }

    /** Starts the service with {@code judges} (already configured) and the live share; returns a new browser. */
    HttpSession start(StubJudges configured, double liveShare) {
        judges = configured;
        service = RunningService.start(dir, db -> judges.settings(db, liveShare));
        return service.newBrowser();
    }
}
