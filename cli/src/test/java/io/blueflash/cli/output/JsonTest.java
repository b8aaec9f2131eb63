package io.blueflash.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void givenNestedValues_whenWritten_thenCompactJsonInInsertionOrder() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ok", true);
        doc.put("exitCode", 0);
        doc.put("pages", List.of(1L, 2L));
        doc.put("seconds", 1.5);
        doc.put("whole", 2.0);
        doc.put("none", null);
        doc.put("nested", Map.of("k", "v"));
        doc.put("list", Arrays.asList("a", null));
        assertThat(Json.write(doc)).isEqualTo(
                "{\"ok\":true,\"exitCode\":0,\"pages\":[1,2],\"seconds\":1.5,\"whole\":2,\"none\":null,"
                        + "\"nested\":{\"k\":\"v\"},\"list\":[\"a\",null]}");
    }

    @Test
    void givenSpecialCharacters_whenWritten_thenEscaped() {
        assertThat(Json.write("a\"b\\c\nd\te\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\"");
        assertThat(Json.write(Double.NaN)).isEqualTo("null");
        assertThat(Json.write(java.nio.file.Path.of("x.bin"))).isEqualTo("\"x.bin\"");
    }
}
