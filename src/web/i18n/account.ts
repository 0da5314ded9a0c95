/** Labels of accounts, roles, API tokens, history and the audit trail, English and 简体中文. */
export const accountEn = {
  signIn: "Sign in", signOut: "Sign out", signedOut: "You are signed out.", myAccount: "My account", admin: "Administration",
  menuLabel: "Account menu for {{name}}",
  roles: {
    administrator: "Administrator", programme_manager: "Programme manager", city_editor: "City editor", partner_contributor: "Partner contributor",
    scopeOf: { programme_manager: "Programme", city_editor: "City", partner_contributor: "Cooperation" },
  },
  signInPage: {
    title: "Sign in to citybridge", intro: "Sign in to edit data for the cities, programmes and cooperations you are responsible for. Reading public data needs no account.",
    email: "E-mail", password: "Password", submit: "Sign in", emailRequired: "Enter your e-mail address", passwordRequired: "Enter your password",
    wrong: "The e-mail or the password is wrong.", tooMany: "Too many attempts. Wait a minute and try again.", failed: "Sign-in failed: {{message}}",
    already: "You are signed in as {{name}}.", continue: "Continue",
    help: "Accounts are created by an administrator: ask yours for one.",
    firstRun: "First installation? Create the first administrator on the server with the command below; it prints a one-time password.",
  },
  accountPage: {
    title: "My account", who: "Who I am", name: "Name", email: "E-mail", since: "Account created", kind: "Kind",
    rolesTitle: "My roles", noRoles: "No role yet: you can read everything public. An administrator can grant you a role for a city, a programme or a cooperation.",
    adminAll: "Administrators may edit everything.", signIn: "Sign in to see your account.",
  },
  tokens: {
    title: "My API tokens", intro: "Tokens let the command line and other programs act as you (header Authorization: Bearer …). Treat them like passwords.",
    name: "Name", prefix: "Starts with", created: "Created", lastUsed: "Last used", status: "Status", never: "Never",
    active: "Active", revoked: "Revoked {{at}}", revoke: "Revoke", revokeConfirm: "Revoke the token “{{name}}”? Programs using it will stop working.",
    revokedDone: "Token revoked.", create: "Create token", newName: "Token name", newNamePlaceholder: "e.g. laptop CLI", nameRequired: "Give the token a name",
    empty: "You have no API token.", secretTitle: "Your new token “{{name}}”",
    secretWarning: "Copy it now: this is the only time it is shown. citybridge stores only a hash of it.", done: "I have copied it",
    copy: "Copy", copied: "Copied", secretLabel: "Token secret",
  },
  adminPage: {
    title: "Administration", forbidden: "Administrators only", forbiddenDetail: "Your account has no administrator rights. Ask an administrator for access.",
    signInNeeded: "Sign in as an administrator to see this page.",
    tabs: { users: "Users", roles: "Roles", audit: "Audit trail" },
  },
  users: {
    name: "Name", email: "E-mail", admin: "Administrator", roles: "Roles", created: "Created", disabled: "Disabled", yes: "Yes", no: "No",
    create: "Create user", createTitle: "New user", password: "Initial password", passwordHelp: "At least {{min}} characters; give it to the user through a safe channel.",
    isAdmin: "Administrator (may do everything)", emailRequired: "Enter an e-mail address", emailInvalid: "This is not an e-mail address",
    nameRequired: "Enter a name", passwordShort: "At least {{min}} characters", created_ok: "User {{email}} created.", cancel: "Cancel", save: "Create",
    empty: "No user yet.", count: "{{count}} users",
  },
  grants: {
    user: "User", pickUser: "Choose a user", role: "Role", scope: "Scope", grant: "Grant role", revoke: "Revoke",
    revokeConfirm: "Revoke {{role}} of {{scope}} from {{name}}?", granted: "Role granted.", revokedDone: "Role revoked.",
    programme: "Programme", programmeFree: "Programme id", programmeNone: "No programme list available: type the programme id.",
    city: "City", cooperation: "Cooperation id", scopeRequired: "Choose a scope", none: "No role.", adminNote: "Administrator: holds every role.",
    current: "Roles of {{name}}", history: "Role changes of {{name}}",
  },
  audit: {
    intro: "Every create, update and delete, oldest first. The trail is never edited.",
    seq: "#", at: "When", actor: "Who", action: "Action", entity: "Record type", entityId: "Record",
    actions: { create: "Created", update: "Updated", delete: "Deleted" },
    filterEntity: "Record type", filterActor: "Who (e-mail)", apply: "Filter", reset: "Reset", exportCsv: "Export CSV",
    next: "Next page", first: "First page", previous: "Previous page", empty: "No entry matches.", page: "Entries after #{{after}}",
    field: "Field", before: "Before", after: "After", noChange: "No field changed.", expand: "Show changes",
  },
  history: {
    title: "History", empty: "No change recorded for this record yet.", signIn: "Sign in to see the history of this record.",
    signInLink: "Sign in", forbidden: "You may not see this history.", changed: "{{count}} fields changed",
  },
};

export const accountZh: typeof accountEn = {
  signIn: "登录", signOut: "退出登录", signedOut: "您已退出登录。", myAccount: "我的账户", admin: "系统管理",
  menuLabel: "{{name}} 的账户菜单",
  roles: {
    administrator: "管理员", programme_manager: "项目管理员", city_editor: "城市编辑", partner_contributor: "合作伙伴贡献者",
    scopeOf: { programme_manager: "合作项目", city_editor: "城市", partner_contributor: "城市合作" },
  },
  signInPage: {
    title: "登录 citybridge", intro: "登录后可编辑您负责的城市、合作项目和城市合作的数据。浏览公开数据无需账户。",
    email: "电子邮箱", password: "密码", submit: "登录", emailRequired: "请输入电子邮箱", passwordRequired: "请输入密码",
    wrong: "电子邮箱或密码错误。", tooMany: "尝试次数过多，请稍等一分钟再试。", failed: "登录失败：{{message}}",
    already: "您已以 {{name}} 的身份登录。", continue: "继续",
    help: "账户由管理员创建，请向您的管理员申请。",
    firstRun: "首次安装？请在服务器上运行以下命令创建第一位管理员，命令会输出一次性密码。",
  },
  accountPage: {
    title: "我的账户", who: "账户信息", name: "姓名", email: "电子邮箱", since: "账户创建时间", kind: "类型",
    rolesTitle: "我的角色", noRoles: "尚无角色：您可以浏览所有公开数据。管理员可为您授予某个城市、合作项目或城市合作的角色。",
    adminAll: "管理员可以编辑所有内容。", signIn: "登录后可查看您的账户。",
  },
  tokens: {
    title: "我的 API 令牌", intro: "令牌可让命令行和其他程序以您的身份操作（请求头 Authorization: Bearer …）。请像密码一样妥善保管。",
    name: "名称", prefix: "开头", created: "创建时间", lastUsed: "最近使用", status: "状态", never: "从未",
    active: "有效", revoked: "已于 {{at}} 撤销", revoke: "撤销", revokeConfirm: "撤销令牌“{{name}}”？使用它的程序将无法继续工作。",
    revokedDone: "令牌已撤销。", create: "创建令牌", newName: "令牌名称", newNamePlaceholder: "例如：笔记本命令行", nameRequired: "请为令牌命名",
    empty: "您还没有 API 令牌。", secretTitle: "新令牌“{{name}}”",
    secretWarning: "请立即复制：令牌只显示这一次。citybridge 只保存它的哈希值。", done: "我已复制",
    copy: "复制", copied: "已复制", secretLabel: "令牌密钥",
  },
  adminPage: {
    title: "系统管理", forbidden: "仅限管理员", forbiddenDetail: "您的账户没有管理员权限，请向管理员申请。",
    signInNeeded: "请以管理员身份登录后查看此页面。",
    tabs: { users: "用户", roles: "角色", audit: "审计记录" },
  },
  users: {
    name: "姓名", email: "电子邮箱", admin: "管理员", roles: "角色", created: "创建时间", disabled: "已停用", yes: "是", no: "否",
    create: "创建用户", createTitle: "新用户", password: "初始密码", passwordHelp: "至少 {{min}} 个字符；请通过安全渠道告知用户。",
    isAdmin: "管理员（可执行所有操作）", emailRequired: "请输入电子邮箱", emailInvalid: "电子邮箱格式不正确",
    nameRequired: "请输入姓名", passwordShort: "至少 {{min}} 个字符", created_ok: "已创建用户 {{email}}。", cancel: "取消", save: "创建",
    empty: "尚无用户。", count: "共 {{count}} 位用户",
  },
  grants: {
    user: "用户", pickUser: "选择用户", role: "角色", scope: "范围", grant: "授予角色", revoke: "撤销",
    revokeConfirm: "撤销 {{name}} 在 {{scope}} 的{{role}}角色？", granted: "已授予角色。", revokedDone: "已撤销角色。",
    programme: "合作项目", programmeFree: "合作项目编号", programmeNone: "无法获取合作项目列表：请输入合作项目编号。",
    city: "城市", cooperation: "城市合作编号", scopeRequired: "请选择范围", none: "无角色。", adminNote: "管理员：拥有所有角色。",
    current: "{{name}} 的角色", history: "{{name}} 的角色变更记录",
  },
  audit: {
    intro: "所有新建、修改和删除操作，按时间先后排列。审计记录不可编辑。",
    seq: "序号", at: "时间", actor: "操作人", action: "操作", entity: "记录类型", entityId: "记录",
    actions: { create: "新建", update: "修改", delete: "删除" },
    filterEntity: "记录类型", filterActor: "操作人（电子邮箱）", apply: "筛选", reset: "重置", exportCsv: "导出 CSV",
    next: "下一页", first: "第一页", previous: "上一页", empty: "没有符合条件的记录。", page: "序号 {{after}} 之后的记录",
    field: "字段", before: "修改前", after: "修改后", noChange: "没有字段变化。", expand: "显示变化",
  },
  history: {
    title: "修改历史", empty: "此记录尚无修改记录。", signIn: "登录后可查看此记录的修改历史。",
    signInLink: "登录", forbidden: "您无权查看此历史。", changed: "{{count}} 个字段有变化",
  },
};
