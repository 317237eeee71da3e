package dev.orrery.supervisor.internal;

import java.util.Set;

/** The syntax of Java class names, checked without loading anything. */
final class JavaNames {
    private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_");

    private JavaNames() {
    }

    /**
     * Whether a text is the binary name of a class in a package, such as {@code dev.orrery.examples.EchoService}
     * or {@code com.example.Outer$Inner}: dotted Java identifiers, at least two of them.
     *
     * @param name any text
     * @return true when it is
     */
    static boolean isQualifiedClassName(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length < 2) {
            return false;
        }
        for (String part : parts) {
            if (!isIdentifier(part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentifier(String part) {
        if (part.isEmpty() || RESERVED.contains(part) || !Character.isJavaIdentifierStart(part.codePointAt(0))) {
            return false;
        }
        return part.codePoints().skip(1).allMatch(Character::isJavaIdentifierPart);
    }
}
