package io.newswatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("one newswatch per data directory")
class DataDirLockTest {

    @Test
    @DisplayName("a second holder is refused with the directory and the first holder's pid; after release it is free again")
    void exclusive(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (DataDirLock first = DataDirLock.acquire(data)) {
            assertThat(Files.readString(data.resolve(DataDirLock.FILE_NAME))).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThatThrownBy(() -> DataDirLock.acquire(data))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another newswatch (pid " + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining(data.toAbsolutePath().toString());
        }
        DataDirLock.acquire(data).close();
    }
}
