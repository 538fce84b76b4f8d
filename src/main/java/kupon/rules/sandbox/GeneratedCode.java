package kupon.rules.sandbox;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** What one class Drools generated from rule files refers to: the classes it names and the methods it calls. */
final class GeneratedCode {

    /** A method the generated code calls: its owner class (internal name, {@code java/lang/System}) and name. */
    record Call(String owner, String name) {
    }

    final String name;
    final Set<String> types = new LinkedHashSet<>();
    final Set<Call> calls = new LinkedHashSet<>();

    private GeneratedCode(String name) {
        this.name = name;
    }

    /** Every class of a compiled rule module (a kjar), read without loading any of them. */
    static List<GeneratedCode> of(byte[] kjar) {
        List<GeneratedCode> classes = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(kjar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.getName().endsWith(".class")) continue;
                GeneratedCode code = new GeneratedCode(entry.getName().substring(0, entry.getName().length() - 6));
                code.read(zip.readAllBytes());
                classes.add(code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The compiled rule module cannot be read", e);
        }
        return classes;
    }

    private void read(byte[] bytes) {
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                if (superName != null) types.add(superName);
                if (interfaces != null) types.addAll(Set.of(interfaces));
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                descriptor(descriptor);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                descriptor(descriptor);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                        call(owner, method);
                        descriptor(desc);
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                        type(owner);
                        descriptor(desc);
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        type(type);
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        constant(value);
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... arguments) {
                        descriptor(desc);
                        constant(bootstrap);
                        for (Object argument : arguments) constant(argument);
                    }

                    @Override
                    public void visitMultiANewArrayInsn(String desc, int dimensions) {
                        descriptor(desc);
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG);
    }

    private void constant(Object value) {
        if (value instanceof Type type) {
            if (type.getSort() == Type.METHOD) descriptor(type.getDescriptor());
            else type(type.getSort() == Type.OBJECT ? type.getInternalName() : type.getDescriptor());
        } else if (value instanceof Handle handle) {
            call(handle.getOwner(), handle.getName());
            descriptor(handle.getDesc());
        }
    }

    private void call(String owner, String name) {
        type(owner);
        calls.add(new Call(elementOf(owner), name));
    }

    private void descriptor(String descriptor) {
        Type type = Type.getType(descriptor);
        if (type.getSort() == Type.METHOD) {
            type(type.getReturnType().getDescriptor());
            for (Type argument : type.getArgumentTypes()) type(argument.getDescriptor());
        } else {
            type(descriptor);
        }
    }

    private void type(String internalNameOrDescriptor) {
        String name = elementOf(internalNameOrDescriptor);
        if (name != null) types.add(name);
    }

    /** {@code [Ljava/lang/String;} and {@code Ljava/lang/String;} as {@code java/lang/String}; primitives as null. */
    private static String elementOf(String name) {
        String element = name.replaceFirst("^\\[+", "");
        if (element.startsWith("L") && element.endsWith(";")) return element.substring(1, element.length() - 1);
        if (element.length() == 1) return null;
        return element;
    }
}
