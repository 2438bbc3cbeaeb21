package dev.fluxboot.terraform;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Which {@link BootstrapBackend} the provider process uses: {@link #production()}, unless the
 * system property {@value #BACKEND_PROPERTY} names another class (with a public no-argument
 * constructor), optionally from the class path in {@value #CLASSPATH_PROPERTY}. Only tests set
 * them, through {@code FLUXBOOT_JAVA_OPTS}, to run the real terraform against a test backend.
 */
public final class Backends {

    public static final String BACKEND_PROPERTY = "fluxboot.terraform.backend";
    public static final String CLASSPATH_PROPERTY = "fluxboot.terraform.backend.classpath";

    private Backends() {
    }

    /** The backend over fluxboot's engine. */
    public static BootstrapBackend production() {
        return new EngineBackend(System.getenv());
    }

    /** The backend the system properties select. */
    public static BootstrapBackend select(Properties properties) {
        String className = properties.getProperty(BACKEND_PROPERTY, "");
        if (className.isEmpty()) {
            return production();
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : properties.getProperty(CLASSPATH_PROPERTY, "").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                try {
                    urls.add(Path.of(entry).toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException(CLASSPATH_PROPERTY + " has an entry that is not a path: " + entry, e);
                }
            }
        }
        ClassLoader loader = urls.isEmpty() ? Backends.class.getClassLoader()
                : new URLClassLoader(urls.toArray(new URL[0]), Backends.class.getClassLoader());
        try {
            return (BootstrapBackend) Class.forName(className, true, loader).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException(BACKEND_PROPERTY + "=" + className
                    + " is not a BootstrapBackend with a public no-argument constructor", e);
        }
    }
}
