package dev.aitrainingdirectory.problem;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rejects query parameters the matched operation does not declare, so that a typo
 * ({@code ?contry=IN}) answers 400 instead of silently widening a search.
 */
public class UnknownQueryParameterFilter {

    private final Map<Method, Set<String>> declaredByMethod = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void rejectUnknownQueryParameters(ResourceInfo resourceInfo, UriInfo uriInfo) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> declared = declaredByMethod.computeIfAbsent(method, UnknownQueryParameterFilter::declaredQueryParameters);
        List<FieldError> errors = uriInfo.getQueryParameters().keySet().stream()
                .filter(name -> !declared.contains(name))
                .sorted()
                .map(name -> new FieldError(name, declared.isEmpty()
                        ? "is not a parameter of this operation, which takes none"
                        : "is not a parameter of this operation; it takes " + String.join(", ", declared)))
                .toList();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static Set<String> declaredQueryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            addName(parameter, parameter.getName(), names);
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        addName(field, field.getName(), names);
                    }
                }
            }
        }
        return Collections.unmodifiableSet(names);
    }

    private static void addName(AnnotatedElement element, String javaName, Set<String> names) {
        QueryParam queryParam = element.getAnnotation(QueryParam.class);
        if (queryParam != null) {
            names.add(queryParam.value());
        }
        RestQuery restQuery = element.getAnnotation(RestQuery.class);
        if (restQuery != null) {
            names.add(restQuery.value().isEmpty() ? javaName : restQuery.value());
        }
    }
}
