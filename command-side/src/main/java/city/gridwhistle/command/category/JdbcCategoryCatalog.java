package city.gridwhistle.command.category;

import city.gridwhistle.api.audit.FieldChange;
import city.gridwhistle.api.category.CategoryChanges;
import city.gridwhistle.api.category.CategoryListing;
import city.gridwhistle.api.category.FindCategoryChangesQuery;
import city.gridwhistle.api.category.FindCategoryListingQuery;
import city.gridwhistle.api.shared.Categories;
import city.gridwhistle.api.shared.CategoryRules;
import city.gridwhistle.api.shared.FindCategoriesQuery;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Categories kept in the {@code category} table, rules as JSON. An empty table is seeded from
 * {@code gridwhistle/categories.json} on start-up, so a new installation has the standard set.
 */
@Component
public class JdbcCategoryCatalog implements CategoryCatalog, InitializingBean {

    static final String SEED = "gridwhistle/categories.json";
    private static final Logger log = LoggerFactory.getLogger(JdbcCategoryCatalog.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    public JdbcCategoryCatalog(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public Optional<CategoryRules> find(String code) {
        return jdbc.query("select rules from category where code = ? and active", (rs, n) -> read(rs.getString(1)), code)
                .stream().findFirst();
    }

    @Override
    public Optional<CategoryListing.Entry> entry(String code) {
        return jdbc.query("select rules, active from category where code = ?",
                (rs, n) -> new CategoryListing.Entry(read(rs.getString(1)), rs.getBoolean(2)), code).stream().findFirst();
    }

    /** The whole catalogue for administrators, inactive categories too. */
    @QueryHandler
    public CategoryListing handle(FindCategoryListingQuery query) {
        return new CategoryListing(jdbc.query("select rules, active from category order by code",
                (rs, n) -> new CategoryListing.Entry(read(rs.getString(1)), rs.getBoolean(2))));
    }

    /** The audit trail of changes, newest first, each with the fields that changed. */
    @QueryHandler
    public CategoryChanges handle(FindCategoryChangesQuery query) {
        int limit = Math.clamp(query.limit(), 1, 500);
        String where = query.code() == null ? "" : " where code = ?";
        Object[] args = query.code() == null ? new Object[] {limit} : new Object[] {query.code(), limit};
        return new CategoryChanges(jdbc.query("select code, changed_at, user_id, username, role, reason, rules_before,"
                        + " active_before, rules_after, active_after from category_change" + where
                        + " order by changed_at desc, event_id limit ?",
                (rs, n) -> new CategoryChanges.Change(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), fields(read(rs.getString(7)),
                        rs.getBoolean(8), read(rs.getString(9)), rs.getBoolean(10))), args));
    }

    private static List<FieldChange> fields(CategoryRules before, boolean activeBefore, CategoryRules after,
                                            boolean activeAfter) {
        List<FieldChange> fields = new ArrayList<>();
        add(fields, "urgency", before.urgency(), after.urgency());
        add(fields, "limits.dispatch", before.limits().dispatch(), after.limits().dispatch());
        add(fields, "limits.accept", before.limits().accept(), after.limits().accept());
        add(fields, "limits.handle", before.limits().handle(), after.limits().handle());
        add(fields, "limits.verify", before.limits().verify(), after.limits().verify());
        add(fields, "duplicateRadiusMeters", before.duplicateRadiusMeters(), after.duplicateRadiusMeters());
        add(fields, "active", activeBefore, activeAfter);
        return fields;
    }

    private static void add(List<FieldChange> fields, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            fields.add(new FieldChange(field, before, after));
        }
    }

    /** The catalogue the pages offer (the rider's category picker, the administrators' list). */
    @QueryHandler
    public Categories handle(FindCategoriesQuery query) {
        return new Categories(jdbc.query("select rules from category where active order by code",
                (rs, n) -> read(rs.getString(1))));
    }

    @Override
    public void afterPropertiesSet() {
        Integer count = jdbc.queryForObject("select count(*) from category", Integer.class);
        if (count != null && count == 0) {
            List<CategoryRules> seed = loadSeed();
            transactions.executeWithoutResult(tx -> seed.forEach(this::insert));
            log.info("Seeded {} categories from {}", seed.size(), SEED);
        }
    }

    private void insert(CategoryRules rules) {
        jdbc.update("""
                insert into category (code, family, name_zh, name_en, rules) values (?, ?, ?, ?, ?)
                on conflict (code) do nothing""",
                rules.code(), rules.family().name(), rules.zh(), rules.en(), write(rules));
    }

    private List<CategoryRules> loadSeed() {
        try (InputStream in = new ClassPathResource(SEED).getInputStream()) {
            return List.of(json.readValue(in, CategoryRules[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the category seed " + SEED, e);
        }
    }

    private CategoryRules read(String rules) {
        try {
            return json.readValue(rules, CategoryRules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable category rules: " + rules, e);
        }
    }

    private String write(CategoryRules rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
