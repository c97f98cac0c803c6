package dev.aitrainingdirectory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of the directory, under the {@code directory.} prefix. */
@ConfigMapping(prefix = "directory")
public interface DirectoryConfig {

    /** Whether a fresh database is filled with the example data, once. */
    @WithDefault("true")
    boolean exampleData();
}
