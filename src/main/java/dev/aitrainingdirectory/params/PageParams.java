package dev.aitrainingdirectory.params;

import dev.aitrainingdirectory.paging.PageRequest;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The page of a list that has no filters of its own: {@code page} and {@code size}, as received. */
public class PageParams {

    @QueryParam("page")
    @Parameter(description = "The page, from 0.", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0",
            maximum = "21474836", defaultValue = "0"))
    public List<String> page;

    @QueryParam("size")
    @Parameter(description = "Entries per page.",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
    public List<String> size;

    /** The page asked for; 400 naming the parameter when it is not a valid one. */
    public PageRequest request() {
        ParameterReader reader = new ParameterReader();
        PageRequest request = reader.pageRequest(page, size);
        reader.requireValid();
        return request;
    }
}
