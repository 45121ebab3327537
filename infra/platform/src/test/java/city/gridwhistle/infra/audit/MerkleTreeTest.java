package city.gridwhistle.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints fold a range's leaves into their Merkle tree as they are read; the root must be the one of the tree
 * as first defined and stored in every checkpoint so far: pairs level by level, an odd node carried up unchanged.
 */
class MerkleTreeTest {

    @Test
    void foldingLeafByLeafGivesTheRootOfPairingLevelByLevel() {
        Random random = new Random(29);
        for (int count = 1; count <= 300; count++) {
            List<String> leaves = new ArrayList<>();
            Checkpoints.MerkleTree tree = new Checkpoints.MerkleTree();
            for (int i = 0; i < count; i++) {
                String leaf = EventChain.sha256(Long.toString(random.nextLong()).getBytes(StandardCharsets.UTF_8));
                leaves.add(leaf);
                tree.add(leaf);
            }
            assertThat(tree.root()).as("%d leaves", count).isEqualTo(levelByLevel(leaves));
            assertThat(tree.count()).isEqualTo(count);
        }
    }

    @Test
    void noLeavesNoRoot() {
        assertThat(new Checkpoints.MerkleTree().root()).isNull();
    }

    private static String levelByLevel(List<String> leaves) {
        List<String> level = leaves;
        while (level.size() > 1) {
            List<String> up = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                up.add(i + 1 < level.size() ? EventChain.sha256(level.get(i), level.get(i + 1)) : level.get(i));
            }
            level = up;
        }
        return level.getFirst();
    }
}
