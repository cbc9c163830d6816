package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// adminPermissions are the permission bits that allow admin commands.
const adminPermissions = discordgo.PermissionManageGuild | discordgo.PermissionAdministrator

// refusal is a command refused before it ran: not allowed, or too soon.
// Its text is shown to the person.
type refusal struct {
	text    string
	outcome string
	quiet   bool // send nothing (a repeated cooldown refusal in a channel)
}

func (r *refusal) Error() string { return r.text }

// admit checks that in may run: admin commands need a guild and Manage
// Server or an admin role; everyone is held to the cooldown.
func (b *Bot) admit(ctx context.Context, in *invocation) error {
	if in.cmd.admin {
		what, why := in.cmd.adminWhat, in.cmd.adminWhy
		if what == "" {
			what, why = "manage that server's feeds", "it changes what Attaché reads for everyone"
		}
		if in.guildID == "" {
			return &refusal{outcome: outcomeRefused, text: fmt.Sprintf(
				"`%s` only works in a server: I need to check that you may %s, and a DM has no server.", in.cmd.fullName(), what)}
		}
		ok, err := b.isAdmin(ctx, in)
		if err != nil {
			return fmt.Errorf("bot: check permissions: %w", err)
		}
		if !ok {
			need := "the Manage Server permission"
			if len(b.cfg.AdminRoles) > 0 {
				need += " or one of the roles " + strings.Join(b.cfg.AdminRoles, ", ")
			}
			return &refusal{outcome: outcomeRefused, text: fmt.Sprintf(
				"Only people with %s can use `%s`, because %s.", need, in.cmd.fullName(), why)}
		}
	}
	if ok, left, first := b.cooldown.take(in.userID); !ok {
		secs := int(left.Seconds() + 0.999)
		return &refusal{outcome: outcomeCooldown, quiet: !first && in.trigger != triggerSlash, text: fmt.Sprintf(
			"You're asking a little fast: try again in %d second%s.", secs, plural(secs))}
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// isAdmin reports whether the member may use admin commands. Interactions
// carry the member's computed permissions; for prefix commands they are
// worked out from the guild's roles (from the gateway state, or fetched).
func (b *Bot) isAdmin(ctx context.Context, in *invocation) (bool, error) {
	if in.permsKnown && in.perms&adminPermissions != 0 {
		return true, nil
	}
	if in.permsKnown && len(b.cfg.AdminRoles) == 0 {
		return false, nil
	}
	g, err := b.guild(ctx, in.guildID)
	if err != nil {
		return false, err
	}
	if !in.permsKnown && g.OwnerID != "" && g.OwnerID == in.userID {
		return true, nil
	}
	roles := in.roles
	if roles == nil {
		m, err := b.session.GuildMember(in.guildID, in.userID, discordgo.WithContext(ctx))
		if err != nil {
			return false, err
		}
		roles = m.Roles
	}
	has := map[string]bool{in.guildID: true} // @everyone has the guild's id
	for _, r := range roles {
		has[r] = true
	}
	var perms int64
	for _, r := range g.Roles {
		if !has[r.ID] {
			continue
		}
		perms |= r.Permissions
		for _, name := range b.cfg.AdminRoles {
			if strings.EqualFold(strings.TrimSpace(name), r.Name) {
				return true, nil
			}
		}
	}
	return !in.permsKnown && perms&adminPermissions != 0, nil
}

// guild returns the guild with its roles and owner: from the gateway
// state when GUILD_CREATE filled it, else over REST.
func (b *Bot) guild(ctx context.Context, id string) (*discordgo.Guild, error) {
	if st := b.session.State; st != nil {
		if g, err := st.Guild(id); err == nil && len(g.Roles) > 0 {
			return g, nil
		}
	}
	g, err := b.session.Guild(id, discordgo.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	return g, nil
}
