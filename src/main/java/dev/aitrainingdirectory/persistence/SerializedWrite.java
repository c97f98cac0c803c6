package dev.aitrainingdirectory.persistence;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write that takes the change log's lock. Such writes run one after another anyway, so an
 * instance lets only a few of them hold a database connection at once; the others wait here,
 * without a connection, and reads keep the pool to themselves (see {@link WriteGate}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SerializedWrite {
}
