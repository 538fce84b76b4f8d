package kupon.rules;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Where rule files live and how hard one evaluation may work. */
@ConfigMapping(prefix = "kupon.rules")
public interface RulesConfig {

    /** The folder watched for rule files. */
    String directory();

    /** How often the folder is checked for changes. */
    Duration pollInterval();

    /** Rule firings allowed per evaluation; a rule that loops is stopped here. */
    int maxFirings();

    /** Time allowed for firing rules per evaluation. */
    Duration maxFiringTime();
}
