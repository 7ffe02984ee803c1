<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BeforeAfterView</name>
    <message>
        <location filename="../../src/workstation/ui/before_after.py" line="+165"/>
        <location line="+13"/>
        <location line="+15"/>
        <source>Before</source>
        <extracomment>Space between the pictures drawn side by side, pixels. Emitted with the new split fraction while the line is dragged.</extracomment>
        <translation>处理前</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>After</source>
        <translation>处理后</translation>
    </message>
</context>
<context>
    <name>CaseSummaryView</name>
    <message>
        <location filename="../../src/workstation/ui/case_summary_view.py" line="+46"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead officer</source>
        <translation>主办人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>立案时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacts recorded</source>
        <translation>联系记录时段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last import</source>
        <translation>最近导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entities by type</source>
        <translation>按类型统计实体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence items</source>
        <translation>证据数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Faces found</source>
        <translation>检出人脸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face searches</source>
        <translation>人脸检索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imports</source>
        <translation>导入次数</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>(no timed links)</source>
        <translation>（无带时间的关系）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{first} to {last}</source>
        <translation>{first} 至 {last}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(open)</source>
        <translation>（未结案）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <location line="+5"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <location filename="../../src/workstation/ui/cases_view.py" line="+71"/>
        <source>New case…</source>
        <extracomment>The user asked to open a case (its number). A case was created (its number). A case was marked closed (its number).</extracomment>
        <translation>新建案件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark as closed…</source>
        <translation>标记为结案…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead officer</source>
        <translation>主办人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>立案时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First contact</source>
        <translation>最早联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last import</source>
        <translation>最近导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>Workspace {root}: %n case(s).</source>
        <translation>
            <numerusform>工作区 {root}：共 %n 个案件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Workspace {root} has no case yet. Create one with New case…</source>
        <translation>工作区 {root} 中还没有案件。请点击“新建案件…”创建。</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Creating case {number}</source>
        <translation>正在创建案件 {number}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Mark as closed</source>
        <translation>标记为结案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark case {number} as closed? Its data stays in the workspace and can still be opened and reported on; the closing is recorded in the audit log.</source>
        <translation>将案件 {number} 标记为结案？案件数据仍保留在工作区中，仍可打开并出具报告；结案操作将记入审计日志。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Closing case {number}</source>
        <translation>正在结案 {number}</translation>
    </message>
</context>
<context>
    <name>ChartLegend</name>
    <message>
        <location filename="../../src/workstation/ui/chart_legend.py" line="+40"/>
        <source>community {number} ({size})</source>
        <extracomment>Communities named in the legend; the rest are counted.</extracomment>
        <translation>社区 {number}（{size}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>and %n more</source>
        <translation>及另外 %n 个</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../src/workstation/ui/chart_view.py" line="+63"/>
        <source>degree (connections)</source>
        <translation>度数（联系数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weighted degree (calls)</source>
        <translation>加权度数（通话数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>betweenness (brokers)</source>
        <translation>中介中心性（中间人）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closeness</source>
        <translation>接近中心性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>eigenvector (well connected)</source>
        <translation>特征向量中心性（关系广）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>k-core (dense core)</source>
        <translation>k 核数（紧密核心）</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>entity type</source>
        <translation>实体类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>community (Louvain)</source>
        <translation>社区（Louvain）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit to window</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>hops: </source>
        <translation>步数：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at most: </source>
        <translation>最多：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expand selected</source>
        <translation>展开所选</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path between the two selected</source>
        <translation>查找两者之间的路径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Size by</source>
        <translation>大小依据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour by</source>
        <translation>着色依据</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Key players</source>
        <translation>关键人物</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Link chart of {number} {title}</source>
        <translation>{number} {title} 关系图</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{nodes} entities, {edges} connections</source>
        <translation>{nodes} 个实体，{edges} 条连接</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Drawing the link chart</source>
        <translation>正在绘制关系图</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Measuring {measure}</source>
        <translation>正在计算{measure}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Colouring the chart</source>
        <translation>正在为关系图着色</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Drawing the links of the time window</source>
        <translation>正在绘制时间窗口内的关系</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Expanding the chart</source>
        <translation>正在展开关系图</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Added %n entities</source>
        <translation>
            <numerusform>新增 %n 个实体</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>(%n more left out by the cap)</source>
        <translation>
            <numerusform>（另有 %n 个因数量上限未显示）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select exactly two entities (Ctrl+click the second).</source>
        <translation>请恰好选择两个实体（按住 Ctrl 点击第二个）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Finding a path</source>
        <translation>正在查找路径</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Shortest path, %n hop(s): </source>
        <translation>
            <numerusform>最短路径，共 %n 步：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Drawing the whole chart</source>
        <translation>正在绘制完整关系图</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saving the chart view</source>
        <translation>正在保存关系图视图</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved as {name} v{version}.</source>
        <translation>已保存为 {name} 第 {version} 版。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Opening the chart view</source>
        <translation>正在打开关系图视图</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Submitting the chart for review</source>
        <translation>正在提交关系图审核</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Listing the saved chart views</source>
        <translation>正在列出已保存的关系图视图</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Size: {measure} in the whole case; line width: link weight; red: the path found. Wheel to zoom, drag to pan, click to select.</source>
        <translation>大小：全案的{measure}；线宽：关系权重；红色：找到的路径。滚轮缩放，拖动平移，单击选择。</translation>
    </message>
</context>
<context>
    <name>ClearestFacesPanel</name>
    <message>
        <location filename="../../src/workstation/ui/face_clearest_panel.py" line="+56"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The clearest faces are shown once cut.</source>
        <translation>裁切完成后显示最清晰的人脸。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clearest faces to show:</source>
        <translation>显示最清晰人脸数：</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cutting the {limit} clearest faces</source>
        <translation>正在裁切最清晰的 {limit} 张人脸</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No faces yet: add photos or videos and find faces in them.</source>
        <translation>尚无人脸：请添加照片或视频并检测其中的人脸。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The case&apos;s {count} clearest face(s), clearest first (quality {best:.2f} to {worst:.2f}; it combines sharpness, size, detector score and pose).</source>
        <translation>本案最清晰的 {count} 张人脸，按清晰度从高到低排列（质量 {best:.2f} 至 {worst:.2f}；质量综合了清晰度、大小、检测分数和姿态）。</translation>
    </message>
</context>
<context>
    <name>ClustersPanel</name>
    <message>
        <location filename="../../src/workstation/ui/face_clusters_panel.py" line="+75"/>
        <source>Cosine similarity at which two faces join one group. Higher: fewer, surer groups; lower: more faces grouped, more mistakes.</source>
        <extracomment>The threshold waits this long after the last change before grouping again.</extracomment>
        <translation>两张人脸归入同一组所需的余弦相似度。调高：分组更少、更可靠；调低：归组的人脸更多，错误也更多。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Groups are listed once made.</source>
        <translation>分组完成后在此列出。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracks</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best quality</source>
        <translation>最佳质量</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+65"/>
        <source>Select a group to see its faces.</source>
        <translation>选择一个组以查看其人脸。</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Similarity threshold:</source>
        <translation>相似度阈值：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Grouping faces at similarity {threshold:.2f}</source>
        <translation>正在按相似度 {threshold:.2f} 对人脸分组</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>At similarity {threshold:.2f}: {groups} group(s) that may show one person, {alone} face(s) or track(s) alone; faces less clear than {quality:.2f} are left out. Groups are investigative leads, not identifications.</source>
        <translation>相似度 {threshold:.2f} 时：{groups} 个组可能各为同一人，{alone} 张人脸或轨迹单独成组；质量低于 {quality:.2f} 的人脸未参与分组。分组是侦查线索，不是身份认定。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Faces of group {number}</source>
        <translation>第 {number} 组的人脸</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Group {number}: {members} face(s) and track(s), clearest first, from {evidence}. A track shows its clearest face.</source>
        <translation>第 {number} 组：{members} 张人脸及轨迹，按清晰度从高到低排列，来自 {evidence}。轨迹以其最清晰的人脸表示。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Showing the {shown} clearest.</source>
        <translation>显示最清晰的 {shown} 张。</translation>
    </message>
</context>
<context>
    <name>CreateAdministratorDialog</name>
    <message>
        <location filename="../../src/workstation/ui/session_dialogs.py" line="+167"/>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This workspace has no user accounts: whoever opens it may do everything. Create the first administrator to end single-user mode; from then on everyone logs in and each role is checked. This cannot be undone.</source>
        <translation>此工作区还没有用户账户：任何打开它的人都可以做任何操作。创建第一个管理员即结束单用户模式；此后每个人都须登录，并按角色检查权限。此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The two passwords differ; type the same one twice.</source>
        <translation>两次输入的密码不一致；请输入相同的密码。</translation>
    </message>
</context>
<context>
    <name>DataView</name>
    <message>
        <location filename="../../src/workstation/ui/data_view.py" line="+66"/>
        <source>Import a table…</source>
        <extracomment>Emitted with the summary of each finished import.</extracomment>
        <translation>导入表格…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>or drop a CSV or Excel file here</source>
        <translation>或将 CSV / Excel 文件拖放到此处</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spec</source>
        <translation>映射规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows read</source>
        <translation>读取行数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>%n import(s) in this case.</source>
        <translation>
            <numerusform>本案共有 %n 次导入。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing imported yet.</source>
        <translation>尚未导入任何数据。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Select an import to see its rejects.</source>
        <translation>选择一次导入以查看被拒收的行。</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Import {id} ({file}): %n rejected row(s), by line in the file.</source>
        <translation>
            <numerusform>导入 {id}（{file}）：%n 行被拒收，按文件行号列出。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import {id} ({file}): no row was rejected.</source>
        <translation>导入 {id}（{file}）：没有被拒收的行。</translation>
    </message>
</context>
<context>
    <name>EffectPanel</name>
    <message>
        <location filename="../../src/workstation/ui/enhance_results.py" line="+89"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detector score</source>
        <translation>检测得分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Match score</source>
        <translation>比对得分</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Face scores were not measured: {reason}</source>
        <translation>未测量人脸得分：{reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the face in the unprocessed photo</source>
        <translation>未处理照片中的人脸</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No face was found before or after the chain.</source>
        <translation>处理前后均未找到人脸。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Detector score {det_before} → {det_after}; match to {against} {match_before} → {match_after}</source>
        <translation>检测得分 {det_before} → {det_after}；与{against}的比对得分 {match_before} → {match_after}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>no face</source>
        <translation>无人脸</translation>
    </message>
</context>
<context>
    <name>EnhanceLabels</name>
    <message>
        <location filename="../../src/workstation/ui/enhance_params.py" line="+42"/>
        <source>Crop</source>
        <translation>裁剪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate</source>
        <translation>旋转</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flip</source>
        <translation>翻转</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perspective</source>
        <translation>透视校正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deinterlace</source>
        <translation>去隔行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Levels and gamma</source>
        <translation>色阶与伽马</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic exposure</source>
        <translation>自动曝光</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local contrast (CLAHE)</source>
        <translation>局部对比度（CLAHE）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-local means denoise</source>
        <translation>非局部均值去噪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bilateral smoothing</source>
        <translation>双边平滑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove block artefacts</source>
        <translation>去块效应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deblur</source>
        <translation>去模糊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsharp mask</source>
        <translation>USM 锐化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upscale</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Left (x)</source>
        <translation>左边（x）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top (y)</source>
        <translation>上边（y）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Angle</source>
        <translation>角度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enlarge canvas</source>
        <translation>扩大画布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpolation</source>
        <translation>插值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corner points</source>
        <translation>四角坐标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field kept</source>
        <translation>保留场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Black point</source>
        <translation>黑场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>White point</source>
        <translation>白场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gamma</source>
        <translation>伽马</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target brightness</source>
        <translation>目标亮度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Black percentile</source>
        <translation>黑场百分位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>White percentile</source>
        <translation>白场百分位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest gamma</source>
        <translation>最大伽马</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clip limit</source>
        <translation>限幅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiles</source>
        <translation>分块数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour strength</source>
        <translation>色彩强度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patch size</source>
        <translation>块大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search window</source>
        <translation>搜索窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diameter</source>
        <translation>直径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour sigma</source>
        <translation>色彩 sigma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space sigma</source>
        <translation>空间 sigma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JPEG quality</source>
        <translation>JPEG 质量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blur model</source>
        <translation>模糊模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blur width</source>
        <translation>模糊宽度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Streak length</source>
        <translation>拖影长度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise balance</source>
        <translation>噪声平衡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Radius</source>
        <translation>半径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Factor</source>
        <translation>倍数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>区域</translation>
    </message>
</context>
<context>
    <name>EnhanceResults</name>
    <message>
        <location filename="../../src/workstation/ui/enhance_results.py" line="-105"/>
        <source>step {number}: {operation}</source>
        <translation>第 {number} 步：{operation}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fusion of {count} frames</source>
        <translation>{count} 帧融合</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the chain as a whole</source>
        <translation>整个处理链</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unprocessed</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{stage} lowered the detector score from {before} to {after}</source>
        <translation>{stage}使检测得分从 {before} 降至 {after}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{stage} lowered the match score from {before} to {after}</source>
        <translation>{stage}使比对得分从 {before} 降至 {after}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{stage} changed the face: its similarity to the unprocessed face fell from {before} to {after}</source>
        <translation>{stage}改变了人脸：与未处理人脸的相似度从 {before} 降至 {after}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{stage}: the face is no longer found</source>
        <translation>{stage}：已找不到人脸</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No face was found in the unprocessed photo.</source>
        <translation>未处理的照片中未找到人脸。</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Derivation {id}: chain {chain}</source>
        <translation>派生记录 {id}：处理链 {chain}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Input: evidence {id} ({name})</source>
        <translation>输入：证据 {id}（{name}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Output: evidence {id} ({name})</source>
        <translation>输出：证据 {id}（{name}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Made by {user} at {time}; the original is unchanged.</source>
        <translation>由 {user} 于 {time} 生成；原件未改动。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Purpose: {purpose}</source>
        <translation>用途：{purpose}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Software: {software}</source>
        <translation>软件：{software}</translation>
    </message>
</context>
<context>
    <name>EnhanceView</name>
    <message>
        <location filename="../../src/workstation/ui/enhance_view.py" line="+130"/>
        <source>Start from preset</source>
        <extracomment>The preview starts this long after the last change (milliseconds). Emitted with the new evidence id after a result was stored.</extracomment>
        <translation>从预设开始</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open chain…</source>
        <translation>打开处理链…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save chain…</source>
        <translation>保存处理链…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why the photo is enhanced</source>
        <translation>增强这张照片的原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply and store a copy</source>
        <translation>应用并保存副本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Side by side</source>
        <translation>并排显示</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The provenance of the stored result shows here after Apply.</source>
        <translation>应用后，这里显示所保存结果的来源记录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match against</source>
        <translation>比对对象</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chain name</source>
        <translation>处理链名称</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>the face in the unprocessed photo</source>
        <translation>未处理照片中的人脸</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add photos on the Evidence tab first.</source>
        <translation>请先在“证据”页添加照片。</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+53"/>
        <source>Open chain</source>
        <translation>打开处理链</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+5"/>
        <location line="+19"/>
        <source>Save chain</source>
        <translation>保存处理链</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Chain saved to {file}.</source>
        <translation>处理链已保存到 {file}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+10"/>
        <source>Chains (*.toml)</source>
        <translation>处理链 (*.toml)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Previewing…</source>
        <translation>正在预览…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previewing the chain</source>
        <translation>预览处理链</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Preview of {chain}: %n step(s), not stored.</source>
        <translation>
            <numerusform>{chain} 的预览：共 %n 步，未保存。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preview cancelled.</source>
        <translation>预览已取消。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Enhancing with {chain}</source>
        <translation>正在用 {chain} 增强</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stored as evidence {id} ({name}); the original is unchanged.</source>
        <translation>已保存为证据 {id}（{name}）；原件未改动。</translation>
    </message>
</context>
<context>
    <name>EntityTables</name>
    <message>
        <location filename="../../src/workstation/ui/entity_table_model.py" line="+207"/>
        <location line="+25"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+24"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Key</source>
        <translation>标识</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Links</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>From</source>
        <translation>起点</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>To</source>
        <translation>终点</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Duration (s)</source>
        <translation>时长（秒）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cell</source>
        <translation>基站</translation>
    </message>
</context>
<context>
    <name>EvidenceView</name>
    <message>
        <location filename="../../src/workstation/ui/evidence_view.py" line="+86"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Add files…</source>
        <extracomment>Emitted after files were added, with the number of new items.</extracomment>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>or drop files here</source>
        <translation>或将文件拖放到此处</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search by file name or SHA-256</source>
        <translation>按文件名或 SHA-256 搜索</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Add evidence files</source>
        <translation>添加证据文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Images and video (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.mp4 *.avi *.mov *.mkv);;All files (*)</source>
        <translation>图片和视频 (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.mp4 *.avi *.mov *.mkv);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Adding %n evidence file(s)</source>
        <translation>
            <numerusform>正在添加 %n 个证据文件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FaceCropGrid</name>
    <message>
        <location filename="../../src/workstation/ui/face_crop_grid.py" line="+62"/>
        <source>{evidence}, frame {frame} at {time}</source>
        <extracomment>At most this many crops are cut for one list (clearest first).</extracomment>
        <translation>{evidence}，第 {frame} 帧，{time}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>quality {quality}</source>
        <translation>质量 {quality}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>frame {frame} · {time}</source>
        <translation>第 {frame} 帧 · {time}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Face {id} in {place}</source>
        <translation>人脸 {id}，位于 {place}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quality {quality}, detector score {score:.2f}</source>
        <translation>质量 {quality}，检测分数 {score:.2f}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Video track {track}</source>
        <translation>视频轨迹 {track}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Linked to {person} by a reviewer</source>
        <translation>已由审核人关联到 {person}</translation>
    </message>
</context>
<context>
    <name>FacePanel</name>
    <message>
        <location line="+143"/>
        <source>Search with this face</source>
        <extracomment>Emitted with the id of a stored face to search with.</extracomment>
        <translation>用此人脸检索</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A video face searches with its whole track; a photo&apos;s face with the photo, which works for its largest face.</source>
        <translation>视频中的人脸以其整条轨迹检索；照片中的人脸以该照片检索，仅适用于照片中最大的人脸。</translation>
    </message>
</context>
<context>
    <name>FacesView</name>
    <message>
        <location filename="../../src/workstation/ui/face_search_jobs.py" line="+97"/>
        <source>cutting candidate faces</source>
        <translation>正在裁切候选人脸</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>track {track}, the track of face {face}</source>
        <translation>轨迹 {track}（人脸 {face} 所在轨迹）</translation>
    </message>
    <message>
        <location filename="../../src/workstation/ui/faces_view.py" line="+107"/>
        <source>&lt;b&gt;Candidates, not identifications.&lt;/b&gt; A score only says how alike the model finds two faces. Every candidate is an investigative lead to be checked; only a reviewer&apos;s recorded decision may link a face to a person.</source>
        <extracomment>Emitted after a scan, search or decision changed the case&apos;s face data.</extracomment>
        <translation>&lt;b&gt;候选结果，不是身份认定。&lt;/b&gt;分数只表示模型认为两张人脸有多相似。每个候选都是有待核查的侦查线索；只有审核人记录在案的决定才能将人脸与人员关联。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Find faces in the case&apos;s photos and videos</source>
        <translation>检测本案照片和视频中的人脸</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search with a probe photo…</source>
        <translation>用检材照片检索…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No search yet.</source>
        <translation>尚未检索。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Probe</source>
        <translation>检材</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidate</source>
        <translation>候选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>False-match rate</source>
        <translation>误匹配率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reason for the decision (what was compared, by whom)</source>
        <translation>决定理由（比对了什么，由谁比对）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject</source>
        <translation>否定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A confirmation needs the reason, written in the box beside it.</source>
        <translation>确认前须在旁边的输入框中写明理由。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Comment:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Search</source>
        <translation>检索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracks</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clusters</source>
        <translation>聚类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clearest faces</source>
        <translation>最清晰人脸</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Finding faces</source>
        <translation>正在检测人脸</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{faces} face(s) found in {scanned} photo(s); {skipped} already scanned; {failed} could not be read. Model: {providers}.</source>
        <translation>在 {scanned} 张照片中检出 {faces} 张人脸；{skipped} 张此前已检测；{failed} 张无法读取。模型：{providers}。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{videos} video(s) analysed ({frames} sampled frames), {tracks} track(s) found; {skipped} video(s) already scanned.</source>
        <translation>已分析 {videos} 个视频（抽样 {frames} 帧），得到 {tracks} 条轨迹；{skipped} 个视频此前已检测。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose a probe photo</source>
        <translation>选择检材照片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Searching {name}</source>
        <translation>正在检索 {name}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>track {track}</source>
        <translation>轨迹 {track}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Searching with track {track}</source>
        <translation>正在用轨迹 {track} 检索</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Searching with face {face}</source>
        <translation>正在用人脸 {face} 检索</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Probe {name}: {count} candidate(s) from {gallery} face(s) in the case; {above} at or above the threshold {threshold:.3f}. Search {search} (model pack {pack}).</source>
        <translation>检材 {name}：从本案 {gallery} 张人脸中得到 {count} 个候选；{above} 个达到或超过阈值 {threshold:.3f}。检索 {search}（模型包 {pack}）。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>good</source>
        <translation>良好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>poor</source>
        <translation>较差</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Probe quality {quality:.2f}: {band} band.</source>
        <translation>检材质量 {quality:.2f}：{band}档。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Threshold {applied:.3f} instead of {set:.2f}: the score at which different people&apos;s {band} faces match as rarely ({fmr}) as good faces do at {set:.2f}. Scores of unclear faces are lower for everyone, the right person included.</source>
        <translation>阈值为 {applied:.3f}，而非 {set:.2f}：在此分数下，不同人的{band}档人脸误匹配的频率（{fmr}）与良好人脸在 {set:.2f} 时相同。不清晰人脸与所有人（包括本人）的得分都会偏低。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Applied to the probe: {steps}.</source>
        <translation>对检材所做处理：{steps}。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>above</source>
        <translation>高于</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>below</source>
        <translation>低于</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rejected</source>
        <translation>已否定</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recording the decision</source>
        <translation>正在记录决定</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../src/workstation/ui/import_wizard.py" line="+63"/>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV, text or Excel (.xlsx). Check that the rows below read right: Chinese as Chinese, one value per column.</source>
        <translation>CSV、文本或 Excel (.xlsx) 文件。请确认下方各行读取正确：中文显示为中文，每列一个值。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <source>detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>blanks (spaces or tabs)</source>
        <translation>空白（空格或制表符）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line 1 names the columns</source>
        <translation>第 1 行是列名</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Import a table</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*)</source>
        <translation>表格 (*.csv *.txt *.tsv *.xlsx *.xlsm);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Previewing {name}</source>
        <translation>正在预览 {name}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>blanks</source>
        <translation>空白</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}: encoding {encoding}, delimiter {delimiter}, {columns} column(s); lines {first} to {last} shown (numbered as in the file).</source>
        <translation>{name}：编码 {encoding}，分隔符 {delimiter}，{columns} 列；显示第 {first} 至 {last} 行（行号与文件一致）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>detect: {name}</source>
        <translation>自动识别：{name}</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../src/workstation/ui/image_viewer.py" line="+43"/>
        <source>track {track} · quality {quality}</source>
        <extracomment>Photos larger than this (longest side, pixels) are shown scaled down. A box&apos;s caption shows once the box is this wide on screen (pixels).</extracomment>
        <translation>轨迹 {track} · 质量 {quality}</translation>
    </message>
</context>
<context>
    <name>ImportRejects</name>
    <message>
        <location filename="../../src/workstation/ui/import_result_page.py" line="+65"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../src/workstation/ui/import_wizard.py" line="+173"/>
        <source>Import a table into {number}</source>
        <extracomment>Emitted with the :class:`ImportSummary` once the import is done.</extracomment>
        <translation>向 {number} 导入表格</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Importing {name}</source>
        <translation>正在导入 {name}</translation>
    </message>
</context>
<context>
    <name>KeyPlayersTable</name>
    <message>
        <location filename="../../src/workstation/ui/key_players_table.py" line="+36"/>
        <source>Entity</source>
        <extracomment>Emitted with the entity id of the row the user selected.</extracomment>
        <translation>实体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degree</source>
        <translation>度数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weighted degree</source>
        <translation>加权度数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Betweenness</source>
        <translation>中介中心性</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../src/workstation/ui/labels.py" line="+20"/>
        <source>criminal</source>
        <translation>刑事</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>administrative</source>
        <translation>行政</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>open</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>suspect</source>
        <comment>role</comment>
        <translation>嫌疑人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>victim</source>
        <comment>role</comment>
        <translation>被害人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>witness</source>
        <comment>role</comment>
        <translation>证人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>associate</source>
        <comment>role</comment>
        <translation>关系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no role</source>
        <comment>role</comment>
        <translation>无角色</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>call</source>
        <translation>通话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>message</source>
        <translation>短信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>meeting</source>
        <translation>会面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>co-location</source>
        <translation>同地出现</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>owns</source>
        <translation>拥有</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uses</source>
        <translation>使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>face-match</source>
        <translation>人脸比中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>associate</source>
        <translation>关联</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/workstation/ui/session_dialogs.py" line="-48"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The workspace {root} has user accounts. Log in to work in it.</source>
        <translation>工作区 {root} 设有用户账户。请登录后使用。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/workstation/ui/main_menus.py" line="+44"/>
        <source>&amp;Case</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New case…</source>
        <translation>新建案件(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open case…</source>
        <translation>打开案件(&amp;O)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Recent cases</source>
        <translation>最近的案件(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Mark case as closed…</source>
        <translation>标记本案为结案(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export brief…</source>
        <translation>导出案情简报(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create &amp;administrator…</source>
        <translation>创建管理员(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import a table…</source>
        <translation>导入表格(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add evidence files…</source>
        <translation>添加证据文件(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find faces in the photos</source>
        <translation>检测照片中的人脸(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/workstation/ui/main_window.py" line="+96"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Case Workstation — no case open</source>
        <translation>案件工作站 — 未打开案件</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Wait for the running job to finish, or cancel it, first.</source>
        <translation>请先等待正在运行的任务完成，或取消它。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Case Workstation — {number} {title}</source>
        <translation>案件工作站 — {number} {title}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Recording the search</source>
        <translation>正在记录检索</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search entities by key or label</source>
        <translation>按标识或名称搜索实体</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search links by the key or label of either end</source>
        <translation>按任一端的标识或名称搜索关系</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Summary</source>
        <translation>概况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Faces</source>
        <translation>人脸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enhance</source>
        <translation>增强</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link chart</source>
        <translation>关系图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviews</source>
        <translation>审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case quality</source>
        <translation>案件质量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraud warning</source>
        <translation>诈骗预警</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>The new workspace folder or language applies when the workstation starts again.</source>
        <translation>新的工作区文件夹或界面语言将在重新启动工作站后生效。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{label} has no timed links.</source>
        <translation>{label} 没有带时间的关系。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Role in the case</source>
        <translation>本案角色</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Marking {label} as {role}</source>
        <translation>将 {label} 标记为{role}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{user} (single-user mode)</source>
        <translation>{user}（单用户模式）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{user} ({role})</source>
        <translation>{user}（{role}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workspace: {root}   User: {user}</source>
        <translation>工作区：{root}   用户：{user}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{user} is the administrator; from now on everyone logs in to this workspace.</source>
        <translation>{user} 已成为管理员；此后每个人都须登录此工作区。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cancelled: {title}</source>
        <translation>已取消：{title}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unexpected error: {message}
The details are in the Log tab; please report them.</source>
        <translation>意外错误：{message}
详细信息见“日志”标签页，请报告给维护人员。</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../src/workstation/ui/mapping_page.py" line="+73"/>
        <source>Map the columns</source>
        <translation>映射列</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each entity is found on every row by its key column; each link joins two of a row&apos;s entities. Start from a spec or add rows.</source>
        <translation>每个实体按其标识列从每一行中识别；每条关系连接同一行中的两个实体。可从已有映射规则开始，或逐行添加。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use this spec</source>
        <translation>使用此规则</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key column</source>
        <translation>标识列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label column</source>
        <translation>名称列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normalise</source>
        <translation>规范化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strip prefix</source>
        <translation>去除前缀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attribute columns</source>
        <translation>属性列</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Link type</source>
        <translation>关系类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>起点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>终点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration (s)</source>
        <translation>时长（秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cell</source>
        <translation>基站</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add entity</source>
        <translation>添加实体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove entity</source>
        <translation>删除实体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add link</source>
        <translation>添加关系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove link</source>
        <translation>删除关系</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>automatic (2024-03-01 08:30:00 and similar)</source>
        <translation>自动（2024-03-01 08:30:00 等格式）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Start from:</source>
        <translation>起始规则：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Links</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time format</source>
        <translation>时间格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country code of phones</source>
        <translation>电话国家代码</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(a new mapping)</source>
        <translation>（新建映射）</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The file has no column {missing}; choose one of its columns.</source>
        <translation>文件中没有列 {missing}；请选择文件中已有的列。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>by type</source>
        <translation>按类型</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Columns kept as attributes, separated by commas</source>
        <translation>作为属性保存的列，用逗号分隔</translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message>
        <location filename="../../src/workstation/ui/media_panel.py" line="+49"/>
        <location line="+52"/>
        <source>Select a photo to view it.</source>
        <translation>选择一张照片以查看。</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Face boxes</source>
        <translation>人脸框</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Opening {name}…</source>
        <translation>正在打开 {name}…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} is {type}; only photos and videos are shown here.</source>
        <translation>{name} 的类型为 {type}；此处只显示照片和视频。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{name}, {width}×{height} px, {duration} at {fps} frames/s</source>
        <translation>{name}，{width}×{height} 像素，时长 {duration}，每秒 {fps} 帧</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n face(s) stored in {frames} frame(s); box label: track and quality.</source>
        <translation>
            <numerusform>{frames} 帧中存有 %n 张人脸；框旁文字为轨迹和质量。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not scanned for faces yet.</source>
        <translation>尚未进行人脸检测。</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>{name} cannot be shown: the file is not a readable photo.</source>
        <translation>无法显示 {name}：该文件不是可读取的照片。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name}, {width}×{height} px</source>
        <translation>{name}，{width}×{height} 像素</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n face(s) found; box label: detector score.</source>
        <translation>
            <numerusform>检出 %n 张人脸；框旁数字为检测分数。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no faces found, or not scanned yet.</source>
        <translation>未检出人脸，或尚未检测。</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../src/workstation/ui/new_case_dialog.py" line="+51"/>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 2026-0412</source>
        <translation>例如 2026-0412</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead officer</source>
        <translation>主办人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Case {number} already exists in this workspace.</source>
        <translation>本工作区中已有案件 {number}。</translation>
    </message>
</context>
<context>
    <name>PagedTableView</name>
    <message>
        <location filename="../../src/workstation/ui/table_views.py" line="+105"/>
        <source>{shown} of {total} rows</source>
        <extracomment>Typing pauses this long before the search runs.</extracomment>
        <translation>已显示 {shown} / {total} 行</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParameterForm</name>
    <message>
        <location filename="../../src/workstation/ui/enhance_params.py" line="+123"/>
        <source>{name}: write the value as in a chain file, e.g. {example}</source>
        <extracomment>Emitted after the user changed a value.</extracomment>
        <translation>{name}：请按处理链文件的写法填写，例如 {example}</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../src/workstation/ui/session_dialogs.py" line="-39"/>
        <source>Encrypted workspace</source>
        <translation>加密工作区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The workspace {root} is encrypted. Type its passphrase to open it.</source>
        <translation>工作区 {root} 已加密。请输入口令以打开。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
</context>
<context>
    <name>QualityCharts</name>
    <message>
        <location filename="../../src/workstation/ui/quality_charts.py" line="+54"/>
        <source>Closed within the limit, by month (%)</source>
        <translation>按月期限内办结率（%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem points by category</source>
        <translation>各类问题扣分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station scores</source>
        <translation>各所得分</translation>
    </message>
</context>
<context>
    <name>QualityView</name>
    <message>
        <location filename="../../src/workstation/ui/quality_view.py" line="+91"/>
        <source>Refresh</source>
        <extracomment>A finding was recorded (its id). The monthly PDF was written (its path). New figures are shown. The day open cases are judged on; today when None.</extracomment>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+12"/>
        <source>Rank</source>
        <extracomment>The records left out of the figures or doubtful, with why.</extracomment>
        <translation>排名</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+13"/>
        <source>Station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Late</source>
        <translation>超期登记</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>Closure rate</source>
        <translation>办结率</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Problem points</source>
        <translation>问题扣分</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lead</source>
        <translation>主办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assist</source>
        <translation>协办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weighted</source>
        <translation>加权案件数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Points borne</source>
        <translation>承担扣分</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stations</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officers</source>
        <translation>民警</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>What was found (needed)</source>
        <translation>发现的问题（必填）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record finding</source>
        <translation>记录问题</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finding in case:</source>
        <translation>问题所在案件：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>points</source>
        <translation>分</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Case-quality figures are for supervisors; your role may not read them.</source>
        <translation>案件质量数据仅供审核人员查看；您的角色无权查看。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading the case lists</source>
        <translation>正在读取案件清单</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Computing the quality figures</source>
        <translation>正在计算质量数据</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{cases} cases ({admin} administrative, {criminal} criminal); {late} registered late; administrative closed in time {rate} ({in_time} in time, {overdue} overdue, {pending} pending); problem points {points:g}.</source>
        <translation>案件 {cases} 起（行政 {admin} 起，刑事 {criminal} 起）；超期登记 {late} 起；行政案件期限内办结率 {rate}（按期 {in_time} 起，超期 {overdue} 起，未结 {pending} 起）；问题扣分 {points:g}。</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>Recorded finding {id} on {record}.</source>
        <translation>已在 {record} 上记录问题 {id}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recording a finding</source>
        <translation>正在记录问题</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export the monthly summary</source>
        <translation>导出月度汇总</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting the quality summary</source>
        <translation>正在导出质量汇总</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../src/workstation/ui/report_dialog.py" line="+55"/>
        <source>Exporting the report of {number}</source>
        <translation>正在导出 {number} 的报告</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export case report</source>
        <translation>导出案件报告</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chinese (中文)</source>
        <translation>中文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>英文 (English)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Brief (a few pages)</source>
        <translation>简报（几页）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full report (everything)</source>
        <translation>完整报告（全部记录）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Default: 内部 in Chinese, RESTRICTED in English</source>
        <translation>默认：中文为“内部”，英文为 RESTRICTED</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The brief holds the case summary, suspects, face candidates, the link chart, key players and the evidence list with SHA-256 sums.</source>
        <translation>简报包括案件概况、嫌疑人、人脸候选、关系图、关键人物以及附 SHA-256 校验值的证据清单。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The full report prints every search and candidate, all key players, the imports with their rejects, every evidence item and the whole audit trail.</source>
        <translation>完整报告列出全部检索及候选、全部关键人物、各次导入及其拒收行、每件证据以及完整审计记录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marking</source>
        <translation>密级标识</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Suspects</source>
        <translation>嫌疑人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face-search candidates</source>
        <translation>人脸检索候选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link chart and timeline</source>
        <translation>关系图与活动时间线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key players</source>
        <translation>关键人物</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence list</source>
        <translation>证据清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enhancement processing reports</source>
        <translation>图像增强处理报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit extract</source>
        <translation>审计摘录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor reviews</source>
        <translation>主管审核</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sections to include</source>
        <translation>收入报告的部分</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Tick at least one section to export.</source>
        <translation>请至少勾选一个部分再导出。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Save the report as</source>
        <translation>报告另存为</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Cancelled; no report was written.</source>
        <translation>已取消；未生成报告。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The report was not written: {message}</source>
        <translation>报告未生成：{message}</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Writing {path}…</source>
        <translation>正在写入 {path}…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Step {done} of {total}: {message}</source>
        <translation>第 {done}/{total} 步：{message}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Full report written to {path}.</source>
        <translation>完整报告已写入 {path}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brief written to {path}.</source>
        <translation>简报已写入 {path}。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No PDF viewer could open {path}; open it by hand.</source>
        <translation>没有 PDF 阅读器能打开 {path}，请手动打开。</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../src/workstation/ui/import_result_page.py" line="+19"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Importing {file} with spec {spec}…</source>
        <translation>正在按规则 {spec} 导入 {file}…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{file}: {read} row(s) read, {loaded} imported, {rejected} rejected; {entities} new entities, {links} new links. Encoding {encoding}. Import {id}.</source>
        <translation>{file}：读取 {read} 行，导入 {loaded} 行，拒收 {rejected} 行；新增 {entities} 个实体、{links} 条关系。编码 {encoding}。导入编号 {id}。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Rejected rows, by line in the file:</source>
        <translation>被拒收的行（按文件行号）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No row was rejected.</source>
        <translation>没有被拒收的行。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cancelled; nothing was imported.</source>
        <translation>已取消，未导入任何数据。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was imported: {message}</source>
        <translation>未导入任何数据：{message}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Go back to change the mapping.</source>
        <translation>请返回修改映射。</translation>
    </message>
</context>
<context>
    <name>ReviewsView</name>
    <message>
        <location filename="../../src/workstation/ui/reviews_view.py" line="+50"/>
        <source>link chart</source>
        <translation>关系图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>face decisions</source>
        <translation>人脸判定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>brief</source>
        <translation>简报</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>awaiting review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+11"/>
        <source>returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resubmitted</source>
        <translation>已重新提交</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Review</source>
        <extracomment>A review was approved, returned or resubmitted (its id).</extracomment>
        <translation>审核单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work</source>
        <translation>工作成果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted by</source>
        <translation>提交人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Comment for the analyst (needed to return work)</source>
        <translation>给分析员的意见（退回时必填）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resubmit</source>
        <translation>重新提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>%n review(s) in this case, {waiting} awaiting a decision.</source>
        <translation>
            <numerusform>本案件共有 %n 个审核单，其中 {waiting} 个待决定。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing of this case was submitted for review yet. Submit a saved chart view from the Link chart tab, or face decisions and briefs with `workstation review submit`.</source>
        <translation>本案件尚无提交审核的工作。可在“关系图”页提交已保存的视图，人脸判定和简报用 `workstation review submit` 提交。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>History of review {id} ({what}):</source>
        <translation>审核单 {id}（{what}）的经过：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select a review to see its history.</source>
        <translation>选择一个审核单以查看其经过。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Approving review {id}</source>
        <translation>正在批准审核单 {id}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Returning review {id}</source>
        <translation>正在退回审核单 {id}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resubmitting review {id}</source>
        <translation>正在重新提交审核单 {id}</translation>
    </message>
</context>
<context>
    <name>SavePage</name>
    <message>
        <location filename="../../src/workstation/ui/import_wizard.py" line="-165"/>
        <source>Save the mapping</source>
        <translation>保存映射</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved as a TOML spec, the mapping imports the next file of this layout in one step, here or with `workstation import --spec`.</source>
        <translation>映射保存为 TOML 规则文件后，同样格式的下一个文件可一步导入，可在此处使用，也可使用 `workstation import --spec`。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save the mapping as a spec file</source>
        <translation>将映射保存为规则文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import again even if the case already holds this file</source>
        <translation>即使本案已导入过此文件，仍再次导入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A file imported twice counts every row twice; tick this only when that is what you want.</source>
        <translation>同一文件导入两次会使每一行计算两次；仅在确有此意时勾选。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spec file</source>
        <translation>规则文件</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Save the spec as</source>
        <translation>规则另存为</translation>
    </message>
</context>
<context>
    <name>SavedViewsPanel</name>
    <message>
        <location filename="../../src/workstation/ui/chart_views_panel.py" line="+52"/>
        <source>Open view</source>
        <extracomment>Emitted with the name to save the chart under. Emitted with the name and version of a view to open. Emitted with the note for the reviewer.</extracomment>
        <translation>打开视图</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. core members, October</source>
        <translation>例如：核心成员，十月</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the supervisor should check</source>
        <translation>请审核人重点核查的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit for review</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved views</source>
        <translation>已保存的视图</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{name} v{version} · {state} · {author} · {time}</source>
        <translation>{name} 第 {version} 版 · {state} · {author} · {time}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The chart is not saved as shown.</source>
        <translation>当前关系图尚未按所示内容保存。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Showing saved view {name} v{version}.</source>
        <translation>正在显示已保存视图 {name} 第 {version} 版。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Submitted for review {id}: {ref}. A supervisor approves or returns it.</source>
        <translation>已提交审核 {id}：{ref}。由审核人批准或退回。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>returned</source>
        <translation>已退回</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/workstation/ui/settings_dialog.py" line="+54"/>
        <source>Settings</source>
        <extracomment>Preferences used only when the workstation starts again.</extracomment>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Run face models on the CPU even when a GPU is available</source>
        <translation>即使有 GPU 也在 CPU 上运行人脸模型</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Candidates scoring at least this cosine similarity are marked above the threshold. They remain leads, never identifications.</source>
        <translation>余弦相似度不低于此值的候选标记为“高于阈值”。它们仍只是线索，不是身份认定。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The model pack, CPU choice and threshold apply to the next job. A new workspace folder or language applies when the workstation starts again.</source>
        <translation>模型包、CPU 选项和阈值从下一个任务起生效。新的工作区文件夹或界面语言在重新启动工作站后生效。</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+21"/>
        <source>Workspace folder</source>
        <translation>工作区文件夹</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Face model pack</source>
        <translation>人脸模型包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processor</source>
        <translation>处理器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face match threshold</source>
        <translation>人脸比对阈值</translation>
    </message>
</context>
<context>
    <name>StepsEditor</name>
    <message>
        <location filename="../../src/workstation/ui/enhance_steps.py" line="+63"/>
        <source>Add step</source>
        <extracomment>Emitted after any change to the steps or their parameters.</extracomment>
        <translation>添加步骤</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+125"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Parameters of step {number}: {operation}</source>
        <translation>第 {number} 步的参数：{operation}</translation>
    </message>
</context>
<context>
    <name>TimeWindowBar</name>
    <message>
        <location filename="../../src/workstation/ui/chart_time_window.py" line="+40"/>
        <source>First day whose links are shown</source>
        <extracomment>Milliseconds the sliders must rest before the window is announced. ``(start, end)`` of the window chosen: links at or after ``start`` and before ``end``; None where the window reaches the case&apos;s first or last link.</extracomment>
        <translation>显示关系的第一天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last day whose links are shown</source>
        <translation>显示关系的最后一天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whole period</source>
        <translation>全部时段</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Time window</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No timed links</source>
        <translation>无带时间的关系</translation>
    </message>
    <message numerus="yes">
        <location line="+90"/>
        <source>{first} to {last} (%n day(s))</source>
        <translation>
            <numerusform>{first} 至 {last}（%n 天）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../src/workstation/ui/timeline_view.py" line="+43"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>counting per day, weekday and hour</source>
        <translation>按天、星期和小时统计</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>timeline ready</source>
        <translation>时间线已就绪</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Calls</source>
        <translation>通话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All timed links</source>
        <translation>所有带时间的关系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Links per day</source>
        <translation>每日关系数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hour of day</source>
        <translation>小时</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>links</source>
        <translation>关系数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Whose links:</source>
        <translation>对象：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Whole case</source>
        <translation>整个案件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} — {type}, {count} links</source>
        <translation>{name} — {type}，{count} 条关系</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Counting the timeline</source>
        <translation>正在统计时间线</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No timed links to show. Links get a time when an import maps a start time column.</source>
        <translation>没有带时间的关系可显示。导入时映射了开始时间列的关系才有时间。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{total} links on {days} days, {first} to {last}. Busiest day {busiest} ({most}); busiest hour {weekday} {hour:02d}:00 ({peak}).</source>
        <translation>{first} 至 {last} 共 {days} 天 {total} 条关系。最繁忙的一天 {busiest}（{most} 条）；最繁忙的时段 {weekday} {hour:02d}:00（{peak} 条）。</translation>
    </message>
</context>
<context>
    <name>TracksPanel</name>
    <message>
        <location filename="../../src/workstation/ui/face_tracks_panel.py" line="+60"/>
        <source>Video tracks are listed once loaded.</source>
        <extracomment>Emitted with ``(track id, id of its clearest face, its description)`` to search with the track.</extracomment>
        <translation>视频轨迹载入后在此列出。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Track</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Faces</source>
        <translation>人脸数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best quality</source>
        <translation>最佳质量</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+71"/>
        <source>Select a track to see its best shots.</source>
        <translation>选择一条轨迹以查看其最佳画面。</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Search with this track</source>
        <translation>用此轨迹检索</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Searches the case with the track&apos;s template (all its faces averaged); the candidates show in the Search tab.</source>
        <translation>用该轨迹的模板（其全部人脸的平均）检索本案；候选显示在“检索”页。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Listing video tracks</source>
        <translation>正在列出视频轨迹</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{tracks} track(s) in {videos} video(s): each is one person followed from frame to frame. Select one for its best shots.</source>
        <translation>{videos} 个视频中共 {tracks} 条轨迹：每条是逐帧跟踪的同一个人。选择一条以查看其最佳画面。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No video tracks: add videos to the case and find faces in them.</source>
        <translation>没有视频轨迹：请向本案添加视频并检测其中的人脸。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>frames {first} to {last}</source>
        <translation>第 {first} 至 {last} 帧</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>cutting the best shots</source>
        <translation>正在裁切最佳画面</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Best shots of track {track}</source>
        <translation>轨迹 {track} 的最佳画面</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Track {track}, {video}, {start} to {end}: its {shots} clearest of {faces} face(s), each with its frame and time.</source>
        <translation>轨迹 {track}，{video}，{start} 至 {end}：{faces} 张人脸中最清晰的 {shots} 张，均标出帧号和时间。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>track {track} ({video}, {start} to {end})</source>
        <translation>轨迹 {track}（{video}，{start} 至 {end}）</translation>
    </message>
</context>
<context>
    <name>VideoPlayer</name>
    <message>
        <location filename="../../src/workstation/ui/video_player.py" line="+86"/>
        <source>◀◀ Analysed</source>
        <extracomment>Emitted with the frame number after each frame is drawn. Emitted once a video is open (its details are in :attr:`details`). Emitted with a message a person can act on when a video or frame fails.</extracomment>
        <translation>◀◀ 已分析帧</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The previous frame the face scan analysed</source>
        <translation>人脸检测分析过的上一帧</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◀ Frame</source>
        <translation>◀ 上一帧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One frame back</source>
        <translation>后退一帧</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+180"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="-178"/>
        <source>Frame ▶</source>
        <translation>下一帧 ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One frame on</source>
        <translation>前进一帧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analysed ▶▶</source>
        <translation>已分析帧 ▶▶</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The next frame the face scan analysed</source>
        <translation>人脸检测分析过的下一帧</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Frame {frame} / {count} · {time} / {duration}</source>
        <translation>第 {frame} / {count} 帧 · {time} / {duration}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not scanned for faces yet.</source>
        <translation>尚未进行人脸检测。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Analysed frame: %n face(s).</source>
        <translation>
            <numerusform>已分析帧：%n 张人脸。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not an analysed frame (faces were searched at {rate} frames/s).</source>
        <translation>非分析帧（人脸检测按每秒 {rate} 帧进行）。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>WarningView</name>
    <message>
        <location filename="../../src/workstation/ui/warning_view.py" line="+88"/>
        <source>Load watch-list…</source>
        <extracomment>The window shown when the tab opens: the last this many days. The officer filter&apos;s item for every officer.</extracomment>
        <translation>载入预警号码清单…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Run warning</source>
        <translation>运行预警</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Officer / rank</source>
        <translation>民警 / 排名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacts</source>
        <translation>接触次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls</source>
        <translation>通话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>短信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call min</source>
        <translation>通话分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watched numbers</source>
        <translation>预警号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callbacks</source>
        <translation>回拨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First contact</source>
        <translation>首次接触</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last contact</source>
        <translation>最近接触</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No watch-list in this case yet. Load a CSV, TXT or XLSX file with one number a line (a second column may say where it came from).</source>
        <translation>本案尚无预警号码清单。请载入每行一个号码的 CSV、TXT 或 XLSX 文件（第二列可注明来源）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} ({count} numbers, {by})</source>
        <translation>{name}（{count} 个号码，{by}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Watch-lists: {names}</source>
        <translation>预警号码清单：{names}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Load watch-list</source>
        <translation>载入预警号码清单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Watch-lists (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>预警号码清单 (*.csv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loaded {name}: {count} numbers.</source>
        <translation>已载入 {name}：{count} 个号码。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading watch-list {name}</source>
        <translation>正在载入预警号码清单 {name}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Running the fraud warning</source>
        <translation>正在运行诈骗预警</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All officers</source>
        <translation>全部民警</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No officer</source>
        <translation>无责任民警</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose the days and run the warning to see who was contacted.</source>
        <translation>选择日期范围并运行预警，查看哪些居民被联系过。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{start} to {end}: {watched} watched numbers reached {listed} residents and {unlisted} unlisted numbers.</source>
        <translation>{start} 至 {end}：{watched} 个预警号码联系了 {listed} 名居民和 {unlisted} 个未登记号码。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>(unlisted number)</source>
        <translation>（未登记号码）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export dispatch list</source>
        <translation>导出走访清单</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Dispatch list written to {path}</source>
        <translation>走访清单已写入 {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting the dispatch list</source>
        <translation>正在导出走访清单</translation>
    </message>
</context>
</TS>
