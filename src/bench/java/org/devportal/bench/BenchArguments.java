package org.devportal.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A harness's command line: a mode word, {@code name=value} options, and {@code --spring.*} arguments passed on to
 * the portal's code started in the harness's JVM.
 */
record BenchArguments(String mode, Map<String, String> options, List<String> springArguments) {

    static BenchArguments parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> springArguments = new ArrayList<>();
        String mode = "";
        for (String arg : args) {
            if (arg.startsWith("--")) {
                springArguments.add(arg);
            } else if (arg.indexOf('=') > 0) {
                options.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                mode = arg;
            }
        }
        return new BenchArguments(mode, options, springArguments);
    }

    /** The option's value, which must be given and not blank. */
    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing argument " + name + "=...");
        }
        return value;
    }
}
