package kupon.rules.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * DRL files an attacker holding an admin key might upload or drop into rules/, one per technique. Each
 * would, if it ever ran, create the file {@code @MARKER@}, set the system property {@code @PROPERTY@},
 * read secrets into an answer, stop the process, or spin or allocate without bound.
 */
final class HostileRules {

    /** One hostile file: what it tries, and its text with the marker placeholders. */
    record Payload(String name, String drl) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String HEADER = """
            package kupon.rules.evil;
            import kupon.rules.model.*;
            import kupon.rules.api.*;
            global kupon.rules.api.Actions actions;
            """;

    private static final String WRITE = "java.nio.file.Files.writeString(java.nio.file.Path.of(\"@MARKER@\"), \"x\")";
    private static final String SET = "System.setProperty(\"@PROPERTY@\", \"x\")";

    private HostileRules() {
    }

    static List<Payload> all() {
        List<Payload> all = new ArrayList<>();
        // Reaching the process, files and the environment directly.
        then(all, "System.exit", "System.exit(0);");
        then(all, "Runtime.exec", "Runtime.getRuntime().exec(new String[] {\"touch\", \"@MARKER@\"});");
        then(all, "ProcessBuilder", "new ProcessBuilder(\"touch\", \"@MARKER@\").start();");
        then(all, "Files.writeString", WRITE + ";");
        then(all, "FileOutputStream", "new java.io.FileOutputStream(\"@MARKER@\").close();");
        then(all, "java.util.Formatter on a path", "new java.util.Formatter(\"@MARKER@\").close();");
        then(all, "System.setProperty", SET + ";");
        then(all, "read /proc/self/environ into an answer",
                "actions.promotion(\"leak\").name(java.nio.file.Files.readString(java.nio.file.Path.of(\"/proc/self/environ\"))).freeShipping();");
        then(all, "System.getenv into an answer", "actions.promotion(\"leak\").name(System.getenv(\"KUPON_ADMIN_KEYS\")).freeShipping();");
        then(all, "System.out", "System.out.println(\"x\");");
        then(all, "Thread.sleep", "Thread.sleep(100000);");
        // Text tricks: what a text filter sees is not what javac compiles.
        then(all, "unicode escape in a name", "\\u0053ystem.setProperty(\"@PROPERTY@\", \"x\");");
        then(all, "a string that closes itself after unicode processing",
                "actions.promotion(\"x\").name(\"\\u0022); System.setProperty(\\u0022@PROPERTY@\\u0022, \\u0022x\\u0022); //\");");
        then(all, "a comment ended by an escaped newline", "actions.promotion(\"x\").freeShipping(); // \\u000a " + SET + ";");
        then(all, "doubled backslash before u", "actions.promotion(\"x\").name(\"\\\\u0041\").freeShipping();");
        then(all, "a text block hiding code from a string filter",
                "actions.promotion(\"x\").name(\"\"\"\n    \"\"\" + " + SET + " + \"\"\"\n    \"\"\").freeShipping();");
        then(all, "a text block", "actions.promotion(\"x\").name(\"\"\"\n    hello\n    \"\"\").freeShipping();");
        then(all, "fully qualified names split over lines", "java\n  .lang\n  .System\n  .setProperty(\"@PROPERTY@\", \"x\");");
        then(all, "comments between the parts of a name", "System/**/./**/setProperty(\"@PROPERTY@\", \"x\");");
        // Reflection and class loading.
        then(all, "Line.class.getClassLoader().loadClass", "Line.class.getClassLoader().loadClass(\"java.lang.Runtime\");");
        then(all, "getClass on a fact", "$line.getClass().getClassLoader().loadClass(\"java.lang.Runtime\");");
        then(all, "getClass on the actions", "actions.getClass().getProtectionDomain();");
        then(all, "Class.forName and invoke", "Class.forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null);");
        then(all, "getConstructor().newInstance", "String.class.getConstructor(String.class).newInstance(\"x\");");
        then(all, "the declaring class of an enum", "java.time.DayOfWeek.MONDAY.getDeclaringClass().getClassLoader();");
        then(all, "java.beans.Statement", "new java.beans.Statement(System.class, \"exit\", new Object[] {0}).execute();");
        then(all, "java.beans.Expression", "new java.beans.Expression(Runtime.class, \"getRuntime\", new Object[0]).getValue();");
        then(all, "ManagementFactory", "actions.promotion(\"x\").name(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().toString()).freeShipping();");
        then(all, "ProcessHandle", "ProcessHandle.current().destroy();");
        then(all, "java.lang.invoke", "java.lang.invoke.MethodHandles.lookup().findStatic(System.class, \"exit\","
                + " java.lang.invoke.MethodType.methodType(void.class, int.class)).invoke(0);");
        then(all, "javax.script", "new javax.script.ScriptEngineManager().getEngineByName(\"js\").eval(\"1\");");
        then(all, "JNDI", "new javax.naming.InitialContext().lookup(\"ldap://127.0.0.1:1389/x\");");
        then(all, "Unsafe", "sun.misc.Unsafe.getUnsafe();");
        then(all, "deserialization", "new java.io.ObjectInputStream(new java.io.FileInputStream(\"/tmp/x\")).readObject();");
        then(all, "a thread", "new Thread(() -> " + SET + ").start();");
        then(all, "an executor", "java.util.concurrent.Executors.newSingleThreadExecutor().submit(() -> " + SET + ");");
        then(all, "the common fork-join pool", "java.util.concurrent.ForkJoinPool.commonPool().execute(() -> " + SET + ");");
        then(all, "an anonymous subclass with an initializer", "new Object() { { " + SET + "; } }.hashCode();");
        then(all, "a lambda", "java.util.List.of(1).forEach(x -> " + SET + ");");
        then(all, "a method reference", "java.util.List.of(\"@PROPERTY@\").forEach(System::clearProperty);");
        then(all, "the fact's internal bridge to pricing", "actions.promotion(\"x\").freeShipping().toOffer();");
        // Unbounded work: loops, recursion, allocation.
        then(all, "while (true) with a break", "Object x = null; while (true) { if (x == null) break; }");
        then(all, "for (;;)", "for (;;) { }");
        then(all, "a huge array", "actions.promotion(\"x\").name(new String(new char[Integer.MAX_VALUE - 8])).freeShipping();");
        then(all, "String.repeat", "actions.promotion(\"x\").name(\"x\".repeat(Integer.MAX_VALUE)).freeShipping();");
        then(all, "BigDecimal.pow", "actions.promotion(\"x\").name(java.math.BigDecimal.TEN.pow(999999999).toString()).freeShipping();");
        then(all, "a billion-digit BigDecimal", "actions.promotion(\"x\").name(new java.math.BigDecimal(\"1E999999999\").add(java.math.BigDecimal.ONE).toString()).freeShipping();");
        then(all, "BigDecimal.valueOf with a scale", "actions.promotion(\"x\").name(java.math.BigDecimal.valueOf(1, -999999999).add(java.math.BigDecimal.ONE).toString()).freeShipping();");
        then(all, "multiplying numbers", "actions.promotion(\"x\").name(String.valueOf($line.getUnitPrice().multiply($line.getUnitPrice()))).freeShipping();");
        then(all, "a local variable reassigned to double a string", "String s = \"x\"; s = s + s; actions.promotion(\"x\").name(s).freeShipping();");
        then(all, "try/catch swallowing a stop", "try { System.exit(0); } catch (Throwable t) { }");
        then(all, "throw", "throw new StackOverflowError();");
        then(all, "synchronized on a fact", "synchronized ($line) { $line.wait(); }");
        then(all, "wait on a fact", "$line.wait();");
        then(all, "a switch", "switch (1) { default: " + SET + "; }");
        then(all, "an if in a consequence", "if (true) { " + SET + "; }");
        then(all, "assigning a field of a fact", "$line.quantity = 0;");
        // The engine itself.
        then(all, "drools.halt and the KIE runtime", "drools.getKieRuntime().halt();");
        then(all, "kcontext", "kcontext.getKieRuntime().insert(new Object());");
        then(all, "insert", "insert(new java.io.File(\"@MARKER@\"));");
        then(all, "modify", "modify($line) { }");
        // Functions.
        file(all, "a function that writes a file", "function void evil() { " + WRITE + "; }\n" + rule("evil();"));
        file(all, "a function with a loop", "function int spin() { while (true) { } }\n" + rule("actions.promotion(\"x\").maxQuantity(spin());"));
        file(all, "recursion", "function int f(int n) { return f(n + 1); }\n" + rule("actions.promotion(\"x\").maxQuantity(f(0));"));
        file(all, "mutual recursion", "function int a(int n) { return b(n); }\nfunction int b(int n) { return a(n); }\n"
                + rule("actions.promotion(\"x\").maxQuantity(a(0));"));
        file(all, "nested calls doubling a string", "function String twice(String s) { return s + s; }\n"
                + rule("actions.promotion(\"x\").name(twice(twice(twice(twice(twice(twice(twice(twice($line.getName()))))))))).freeShipping();"));
        file(all, "a function returning a Runtime", "function Runtime rt() { return Runtime.getRuntime(); }\n" + rule("rt().exec(\"sh\");"));
        file(all, "import accumulate", "import accumulate org.example.EvilAccumulate evil;\n" + rule("actions.promotion(\"x\").freeShipping();"));
        file(all, "import function", "import function java.lang.System.exit;\n" + rule("exit(0);"));
        // Declarations and other package-level constructs.
        file(all, "a declared type extending Thread", "declare Evil extends java.lang.Thread end\n" + rule("new Evil().start();"));
        file(all, "a declared type whose field initializer runs code", "declare Evil\n    name : String = " + SET + "\nend\n" + rule("new Evil();"));
        file(all, "a declared type with a static-looking initializer", "declare Evil\n    @role(event)\n    x : java.io.File = new java.io.File(\"@MARKER@\")\nend\n" + rule("actions.promotion(\"x\").freeShipping();"));
        file(all, "declare enum", "declare enum Evil A, B; end\n" + rule("actions.promotion(\"x\").freeShipping();"));
        file(all, "a global other than actions", "global java.lang.Runtime rt;\n" + rule("rt.exec(\"sh\");"));
        whole(all, "a global named actions of another type", HEADER.replace("global kupon.rules.api.Actions actions;",
                "global java.lang.Runtime actions;") + "rule \"evil\" when Line( ) then actions.exec(\"sh\"); end\n");
        file(all, "a wildcard import of java.io", "import java.io.*;\n" + rule("new File(\"@MARKER@\").createNewFile();"));
        file(all, "import of a forbidden class", "import java.lang.Runtime;\n" + rule("Runtime.getRuntime().exec(\"sh\");"));
        file(all, "the MVEL dialect on a rule", "rule \"evil\" dialect \"mvel\" when Line( ) then " + SET + "; end\n");
        whole(all, "the MVEL dialect for the package", HEADER.replace("global", "dialect \"mvel\"\nglobal")
                + "rule \"evil\" when Line( ) then " + SET + "; end\n");
        file(all, "a query with code in a constraint", "query evil()\n    Line( " + SET + " != null )\nend\n");
        whole(all, "Kupon's own API package", HEADER.replace("package kupon.rules.evil;", "package kupon.rules.api;") + rule("actions.promotion(\"x\").freeShipping();"));
        whole(all, "a java package", HEADER.replace("package kupon.rules.evil;", "package java.io;") + rule("new File(\"@MARKER@\").createNewFile();"));
        file(all, "a rule name breaking out of its string", "rule \"x\\\" + " + SET.replace("\"", "\\\"") + " + \\\"\" when Line( ) then actions.promotion(\"x\").freeShipping(); end\n");
        file(all, "an agenda group breaking out of its string", "rule \"evil\" agenda-group \"a\\\" + x + \\\"\" when Line( ) then actions.promotion(\"x\").freeShipping(); end\n");
        file(all, "salience computed by code", "rule \"evil\" salience ( " + SET + ".length() ) when Line( ) then actions.promotion(\"x\").freeShipping(); end\n");
        file(all, "enabled computed by code", "rule \"evil\" enabled ( " + SET + " != null ) when Line( ) then actions.promotion(\"x\").freeShipping(); end\n");
        file(all, "a timer", "rule \"evil\" timer ( int: 0s 1s ) when Line( ) then actions.promotion(\"x\").freeShipping(); end\n");
        then(all, "a bidirectional override hiding code from a reviewer",
                "actions.promotion(\"x\").name(\"ok \u202E \" + " + SET + " + \" \u2066\").freeShipping();");
        file(all, "a NUL byte", "rule \"evil\u0000\" when Line( ) then actions.promotion(\"x\").freeShipping(); end\n");
        // Conditions.
        when(all, "code in a constraint", "Line( " + SET + " != null )");
        when(all, "code in eval", "eval( " + SET + " != null )");
        when(all, "code in from", "$x : Object( ) from " + SET);
        when(all, "accumulate with init and action code", "$n : Number( ) from accumulate( Line( ), init( " + SET + "; ), action( ), result( 0 ) )");
        when(all, "a custom accumulate function", "$n : Number( ) from accumulate( $l : Line( ), evilSum( $l ) )");
        when(all, "collect into a forbidden type", "$l : java.util.ArrayList( ) from collect( Line( ) )");
        when(all, "a pattern on a forbidden type", "$t : Thread( )");
        when(all, "matches (regular expression denial of service)", "Line( name matches \"(a+)+$\" )");
        when(all, "bindings that double a value pattern by pattern", "Line( $a : (name + name) )\n    Line( $b : ($a + $a) )");
        when(all, "code in a groupby key", "groupby( $l : Line( ); $key : " + SET + "; $c : count( ) )");
        when(all, "an entry point", "$l : Line( ) from entry-point \"evil\"");
        when(all, "OOPath", "$l : /lines[ quantity > 0 ]");
        when(all, "getClass in a constraint", "Line( this.getClass().getClassLoader() != null )");
        when(all, "a static call in a constraint", "Line( java.lang.Runtime.getRuntime() != null )");
        return all;
    }

    private static String rule(String then) {
        return "rule \"evil\"\nwhen\n    $line : Line( )\nthen\n    " + then + "\nend\n";
    }

    private static void then(List<Payload> all, String name, String then) {
        all.add(new Payload(name, HEADER + rule(then)));
    }

    private static void when(List<Payload> all, String name, String when) {
        all.add(new Payload(name, HEADER + "rule \"evil\"\nwhen\n    " + when + "\nthen\n    actions.promotion(\"x\").freeShipping();\nend\n"));
    }

    private static void file(List<Payload> all, String name, String body) {
        whole(all, name, HEADER + body);
    }

    private static void whole(List<Payload> all, String name, String drl) {
        all.add(new Payload(name, drl));
    }
}
