package dev.fluxboot.terraform;

import dev.fluxboot.terraform.cty.CtyValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A planned resource change: the planned state, and the attributes whose change replaces the resource. */
public record ResourcePlan(CtyValue planned, List<List<String>> requiresReplace) {

    public ResourcePlan {
        Objects.requireNonNull(planned, "planned");
        List<List<String>> paths = new ArrayList<>();
        for (List<String> path : requiresReplace) {
            paths.add(List.copyOf(path));
        }
        requiresReplace = List.copyOf(paths);
    }
}
